namespace Reconnect.Browser.Tests.Pages;

/// <summary>One entry of the page's <c>remotePeers()</c>: a RemotePeer object (same object, same <see cref="ObjectId"/>).</summary>
internal sealed record PageRemotePeer(string Id, long ObjectId, string State, int Generation, IReadOnlyList<string> Streams);

/// <summary>One remote peer's entry of the page's <c>stats()</c>, read from getStats() of its current connection.</summary>
internal sealed record MediaStats(
    long? FramesDecoded,
    long? FramesReceived,
    long? BytesReceived,
    long? FramesSent,
    long? BytesSent,
    string? IceConnectionState,
    string? ConnectionState,
    string? SelectedCandidateType);

/// <summary>One entry of the page's <c>events()</c>: a notice it raised.</summary>
internal sealed record PageEvent(string Kind, string? PeerId);
