namespace Reconnect.Testing.Scenarios;

/// <summary>
/// A simulation to run: the world (network, server), the peers, a timeline of faults for the safety phase
/// and what the run must show. Loaded from and written to JSON by <see cref="ScenarioLoader"/>.
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name; a library file is named after it.</summary>
    public required string Name { get; init; }

    /// <summary>What behaviour the scenario shows and what must hold.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The seed of every random draw in the run.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The length of the safety phase (faults on), in milliseconds.</summary>
    public int DurationMs { get; init; } = 60_000;

    /// <summary>How long, after faults stop and the world heals, the call has to converge, in milliseconds.</summary>
    public int RecoveryBoundMs { get; init; } = 180_000;

    /// <summary>The network every link starts with.</summary>
    public NetworkSettings Network { get; init; } = new();

    /// <summary>The signalling server's settings.</summary>
    public ServerSettings Server { get; init; } = new();

    /// <summary>The participants.</summary>
    public IReadOnlyList<PeerSpec> Peers { get; init; } = [];

    /// <summary>The faults; they apply in order of <see cref="FaultSpec.AtMs"/>, ties in list order.</summary>
    public IReadOnlyList<FaultSpec> Timeline { get; init; } = [];

    /// <summary>What the run must show; null means the defaults of <see cref="ScenarioExpectations"/>.</summary>
    public ScenarioExpectations? Expect { get; init; }

    /// <summary>The peer with a name, or null.</summary>
    public PeerSpec? FindPeer(string name) =>
        Peers.FirstOrDefault(peer => string.Equals(peer.Name, name, StringComparison.Ordinal));

    /// <inheritdoc />
    public bool Equals(Scenario? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && Seed == other.Seed
        && DurationMs == other.DurationMs
        && RecoveryBoundMs == other.RecoveryBoundMs
        && Network == other.Network
        && Server == other.Server
        && Structural.ListEquals(Peers, other.Peers)
        && Structural.ListEquals(Timeline, other.Timeline)
        && Expect == other.Expect;

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name);
        hash.Add(Description);
        hash.Add(Seed);
        hash.Add(DurationMs);
        hash.Add(RecoveryBoundMs);
        hash.Add(Network);
        hash.Add(Server);
        hash.Add(Structural.ListHash(Peers));
        hash.Add(Structural.ListHash(Timeline));
        hash.Add(Expect);
        return hash.ToHashCode();
    }
}
