using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Reconnect.Core.Protocol;

/// <summary>Encodes and decodes signalling messages as JSON text; a malformed frame is a typed failure, never an exception.</summary>
public static class ProtocolCodec
{
    /// <summary>The largest frame accepted, in characters.</summary>
    public const int MaxFrameLength = 256 * 1024;

    /// <summary>The codec's options: the generated protocol contracts (<see cref="ProtocolJsonContext"/>), no reflection.</summary>
    private static readonly JsonSerializerOptions Options = ProtocolJsonContext.Default.Options;

    /// <summary>Encodes a client message.</summary>
    public static string Encode(ClientMessage message) => JsonSerializer.Serialize(message, ProtocolJsonContext.Default.ClientMessage);

    /// <summary>Encodes a server message.</summary>
    public static string Encode(ServerMessage message) => JsonSerializer.Serialize(message, ProtocolJsonContext.Default.ServerMessage);

    /// <summary>Decodes a frame a client received; on failure <paramref name="error"/> says why.</summary>
    public static bool TryDecodeServerMessage(string frame, [NotNullWhen(true)] out ServerMessage? message, [NotNullWhen(false)] out string? error) =>
        TryDecode(frame, out message, out error);

    /// <summary>Decodes a frame the server received; on failure <paramref name="error"/> says why.</summary>
    public static bool TryDecodeClientMessage(string frame, [NotNullWhen(true)] out ClientMessage? message, [NotNullWhen(false)] out string? error) =>
        TryDecode(frame, out message, out error);

    private static bool TryDecode<T>(string frame, [NotNullWhen(true)] out T? message, [NotNullWhen(false)] out string? error)
        where T : class
    {
        message = null;
        if (string.IsNullOrEmpty(frame))
        {
            error = "empty frame";
            return false;
        }

        if (frame.Length > MaxFrameLength)
        {
            error = $"frame of {frame.Length} characters exceeds {MaxFrameLength}";
            return false;
        }

        if (LoneSurrogateAt(frame) is { } at)
        {
            error = $"frame is not valid text: a lone surrogate at index {at}";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize(frame, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
        }
        catch (JsonException ex)
        {
            error = $"malformed {typeof(T).Name}: {ex.Message}";
            return false;
        }
        catch (NotSupportedException ex)
        {
            error = $"unsupported {typeof(T).Name}: {ex.Message}";
            return false;
        }

        if (message is null)
        {
            error = "frame decoded to null";
            return false;
        }

        error = MessageShape.FindNull(message);
        if (error is not null)
        {
            message = null;
            return false;
        }

        return true;
    }

    /// <summary>The index of the first surrogate not in a high-low pair (text no UTF-8 can carry), or null when there is none.</summary>
    private static int? LoneSurrogateAt(string frame)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            if (char.IsHighSurrogate(frame[i]) && i + 1 < frame.Length && char.IsLowSurrogate(frame[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(frame[i]))
            {
                return i;
            }
        }

        return null;
    }
}
