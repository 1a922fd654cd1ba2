namespace Reconnect.Testing.Network;

/// <summary>
/// One plane (signalling or media) of a host's link: its delay, jitter and loss, and the faults on it now. A
/// blocked plane has lost its route (packets are dropped; a signalling socket on it was reset); a blackholed plane
/// swallows packets silently (media is dropped; signalling, reliable like TCP, is held and retransmitted until the
/// blackhole ends). Both are counted, so a fault nested in another of the same kind ends only its own share.
/// </summary>
public sealed class SimLink
{
    private readonly int _baseLatencyMs;
    private readonly int _baseJitterMs;
    private readonly double _baseLoss;
    private int _blocks;
    private int _blackholes;

    internal SimLink(int latencyMs, int jitterMs, double loss)
    {
        _baseLatencyMs = latencyMs;
        _baseJitterMs = jitterMs;
        _baseLoss = loss;
        LatencyMs = latencyMs;
        JitterMs = jitterMs;
        Loss = loss;
    }

    /// <summary>One-way latency of the plane, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Uniform jitter added to the latency, in milliseconds.</summary>
    public int JitterMs { get; set; }

    /// <summary>
    /// The probability a packet on the plane is lost: a media packet is dropped; a signalling frame (ordered and
    /// retransmitted, like TCP) arrives later, after a retransmission timeout per loss.
    /// </summary>
    public double Loss { get; set; }

    /// <summary>True while at least one fault has taken the plane's route away: every packet on it is dropped.</summary>
    public bool Blocked => _blocks > 0;

    /// <summary>True while at least one blackhole swallows the plane's packets without anyone being told.</summary>
    public bool Blackholed => _blackholes > 0;

    internal void Block() => _blocks++;

    internal void Unblock() => _blocks = Ended(_blocks, "block");

    internal void BeginBlackhole() => _blackholes++;

    internal void EndBlackhole() => _blackholes = Ended(_blackholes, "blackhole");

    internal void Restore()
    {
        _blocks = 0;
        _blackholes = 0;
        LatencyMs = _baseLatencyMs;
        JitterMs = _baseJitterMs;
        Loss = _baseLoss;
    }

    private static int Ended(int count, string what) =>
        count > 0 ? count - 1 : throw new InvalidOperationException($"A {what} ended that never began.");
}
