namespace Reconnect.Browser.Harness.Pages;

/// <summary>One entry of the page's <c>remotePeers()</c>: a RemotePeer object (same object, same <see cref="ObjectId"/>).</summary>
public sealed record PageRemotePeer(string Id, long ObjectId, string State, int Generation, IReadOnlyList<string> Streams);

/// <summary>One remote peer's entry of the page's <c>stats()</c>, read from getStats() of its current connection.</summary>
public sealed record MediaStats(
    long? FramesDecoded,
    long? FramesReceived,
    long? BytesReceived,
    long? FramesSent,
    long? BytesSent,
    string? IceConnectionState,
    string? ConnectionState,
    string? SelectedCandidateType);


/// <summary>One entry of the page's <c>received()</c>: a text message from a remote peer on a data channel.</summary>
public sealed record PageMessage(string From, string Label, string Text, long At);

/// <summary>One remote video element of the page: its stream and what it has presented (what the user sees).</summary>
public sealed record PageVideo(string StreamId, bool Paused, int ReadyState, long PresentedFrames);
