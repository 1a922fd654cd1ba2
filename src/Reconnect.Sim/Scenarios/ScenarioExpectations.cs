namespace Reconnect.Sim.Scenarios;

/// <summary>What a scenario's run must show, on top of the simulator's universal invariants.</summary>
public sealed record ScenarioExpectations
{
    /// <summary>Whether the call must converge in the liveness phase: every live pair connected both ways, rosters equal.</summary>
    public bool Healed { get; init; } = true;

    /// <summary>The least number of peer-left notices, summed over every peer, the run may raise.</summary>
    public int? MinPeerLeft { get; init; }

    /// <summary>The most peer-left notices, summed over every peer, the run may raise.</summary>
    public int? MaxPeerLeft { get; init; }

    /// <summary>The distinct error kinds (such as <c>TerminalCloseError</c>) the run raises, as a set; empty means none.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The peers whose call is closed at the end, as a set.</summary>
    public IReadOnlyList<string> ClosedPeers { get; init; } = [];

    /// <summary>The peers that are evicted at least once, as a set.</summary>
    public IReadOnlyList<string> EvictedPeers { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(ScenarioExpectations? other) =>
        other is not null
        && Healed == other.Healed
        && MinPeerLeft == other.MinPeerLeft
        && MaxPeerLeft == other.MaxPeerLeft
        && Structural.ListEquals(Errors, other.Errors)
        && Structural.ListEquals(ClosedPeers, other.ClosedPeers)
        && Structural.ListEquals(EvictedPeers, other.EvictedPeers);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Healed, MinPeerLeft, MaxPeerLeft, Structural.ListHash(Errors), Structural.ListHash(ClosedPeers), Structural.ListHash(EvictedPeers));
}
