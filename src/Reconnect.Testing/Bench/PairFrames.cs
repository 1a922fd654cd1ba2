namespace Reconnect.Testing.Bench;

/// <summary>What one page has decoded (getStats) and presented (its video elements) from one remote peer so far.</summary>
/// <param name="Decoded">Frames decoded (inbound-rtp <c>framesDecoded</c> of the current connection).</param>
/// <param name="Presented">Frames presented by the page's video elements of that peer.</param>
internal readonly record struct PairFrames(long Decoded, long Presented);
