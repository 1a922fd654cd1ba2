using System.Net.WebSockets;
using System.Text;
using Reconnect.Core.Policies;

namespace Reconnect;

/// <summary>What may go into a close frame: codes a peer may send, reasons within the 123-byte limit.</summary>
internal static class CloseFrames
{
    private const int MaxReasonBytes = 123;

    /// <summary>The code as sent: one a peer may not put on the wire (1004-1006, 1015, out of range) goes as 1000.</summary>
    public static WebSocketCloseStatus Sendable(int code) =>
        code is (>= 1000 and <= 1003) or (>= 1007 and <= 1014) or (>= 3000 and <= 4999)
            ? (WebSocketCloseStatus)code
            : (WebSocketCloseStatus)CloseCodes.Normal;

    /// <summary>The reason cut to at most 123 UTF-8 bytes, never inside a character.</summary>
    public static string Reason(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxReasonBytes || char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return reason[..length];
    }
}
