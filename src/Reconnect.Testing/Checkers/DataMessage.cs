using System.Globalization;
using System.Text;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// The payload of a message a <c>data-send</c> fault sends: its sequence number among what its sender sent its receiver
/// on the channel, so the checker can tell order, duplicates and gaps from the payload alone. Other payloads (an app's
/// own messages in a virtual call) are not read.
/// </summary>
internal static class DataMessage
{
    private const string Prefix = "data-send #";

    /// <summary>The payload of message number <paramref name="sequence"/>.</summary>
    public static ReadOnlyMemory<byte> Payload(long sequence) =>
        Encoding.UTF8.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture));

    /// <summary>The sequence number a payload carries; false for a payload no <c>data-send</c> made.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> payload, out long sequence)
    {
        sequence = 0;
        var text = Encoding.UTF8.GetString(payload.Span);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out sequence);
    }
}
