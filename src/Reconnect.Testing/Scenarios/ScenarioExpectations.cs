namespace Reconnect.Testing.Scenarios;

/// <summary>What a scenario's run must show, on top of the simulator's universal invariants.</summary>
public sealed record ScenarioExpectations
{
    /// <summary>
    /// True (the default): the call must converge in the liveness phase (every live pair connected both ways, rosters
    /// equal) and after every fault with a duration. False: the call must not converge; a run that heals anyway fails.
    /// </summary>
    public bool Healed { get; init; } = true;

    /// <summary>The least number of peer-left notices, summed over every peer, the run may raise.</summary>
    public int? MinPeerLeft { get; init; }

    /// <summary>The most peer-left notices, summed over every peer, the run may raise.</summary>
    public int? MaxPeerLeft { get; init; }

    /// <summary>How many peer-joined notices each observer (a peer name) must see.</summary>
    public IReadOnlyDictionary<string, PeerCount> PeerJoined { get; init; } = new SortedDictionary<string, PeerCount>(StringComparer.Ordinal);

    /// <summary>How many peer-left notices each observer (a peer name) must see.</summary>
    public IReadOnlyDictionary<string, PeerCount> PeerLeft { get; init; } = new SortedDictionary<string, PeerCount>(StringComparer.Ordinal);

    /// <summary>The distinct error kinds (such as <c>TerminalCloseError</c>) the run raises, as a set; empty means none.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The peers whose call is closed at the end, as a set.</summary>
    public IReadOnlyList<string> ClosedPeers { get; init; } = [];

    /// <summary>The peers that are evicted at least once, as a set.</summary>
    public IReadOnlyList<string> EvictedPeers { get; init; } = [];

    /// <summary>A close code some peer's <c>TerminalCloseError</c> must carry, such as 4005; null means none is required.</summary>
    public int? TerminalErrorCode { get; init; }

    /// <inheritdoc />
    public bool Equals(ScenarioExpectations? other) =>
        other is not null
        && Healed == other.Healed
        && MinPeerLeft == other.MinPeerLeft
        && MaxPeerLeft == other.MaxPeerLeft
        && Structural.MapEquals(PeerJoined, other.PeerJoined)
        && Structural.MapEquals(PeerLeft, other.PeerLeft)
        && Structural.ListEquals(Errors, other.Errors)
        && Structural.ListEquals(ClosedPeers, other.ClosedPeers)
        && Structural.ListEquals(EvictedPeers, other.EvictedPeers)
        && TerminalErrorCode == other.TerminalErrorCode;

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(
            HashCode.Combine(Healed, MinPeerLeft, MaxPeerLeft, Structural.MapHash(PeerJoined), Structural.MapHash(PeerLeft)),
            Structural.ListHash(Errors),
            Structural.ListHash(ClosedPeers),
            Structural.ListHash(EvictedPeers),
            TerminalErrorCode);
}
