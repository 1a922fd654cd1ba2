using System.Text;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>One fuzzed frame: its text as the codec sees it, its bytes on the wire, and the mutation that made it.</summary>
/// <param name="Text">The text a decoder gets (for raw bytes: their UTF-8 decoding with replacement, as the server does).</param>
/// <param name="Bytes">The bytes sent on the wire.</param>
/// <param name="Binary">True for a binary WebSocket frame.</param>
/// <param name="Mutation">What was done to make it, for failure messages.</param>
internal sealed record FuzzFrame(string Text, byte[] Bytes, bool Binary, string Mutation)
{
    /// <summary>A text frame whose bytes are the text's UTF-8 (a lone surrogate becomes U+FFFD on the wire).</summary>
    public static FuzzFrame OfText(string text, string mutation) => new(text, Encoding.UTF8.GetBytes(text), false, mutation);

    /// <summary>A text frame of raw bytes, possibly invalid UTF-8.</summary>
    public static FuzzFrame OfBytes(byte[] bytes, string mutation) => new(Encoding.UTF8.GetString(bytes), bytes, false, mutation);

    /// <summary>A short printable form for failure messages.</summary>
    public override string ToString() => $"{Mutation}: {(Text.Length > 200 ? Text[..200] + "..." : Text)}";
}
