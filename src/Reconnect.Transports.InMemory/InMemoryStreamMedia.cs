namespace Reconnect.Transports.InMemory;

/// <summary>The in-memory media port's handle to a remote stream on one connection (what a browser's MediaStream is to an app).</summary>
/// <param name="Host">The host whose port received the stream.</param>
/// <param name="RemotePeerId">The remote peer that sends it.</param>
/// <param name="Generation">The connection that carries it.</param>
/// <param name="StreamId">The stream's id.</param>
public sealed record InMemoryStreamMedia(string Host, string RemotePeerId, int Generation, string StreamId);
