using System.Globalization;
using System.Text.Json;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// A seed and a list of faults aimed at named peers, each at an offset (<see cref="FaultSpec.AtMs"/>) from when the
/// schedule starts and each ending on its own. Drawn by <see cref="FaultSchedules"/>; run it in a
/// <see cref="World.SimWorld"/> through <see cref="ToScenario"/>, or inject its faults one by one into a call of your own,
/// seeded with <see cref="Seed"/>. Its text shows the seed and every fault as scenario JSON, so a failure replays.
/// </summary>
/// <param name="Seed">The seed the schedule was drawn from, and the one to run it with.</param>
/// <param name="Peers">The names of the peers the faults are aimed at.</param>
/// <param name="Faults">The faults, ordered by <see cref="FaultSpec.AtMs"/>; ties apply in list order.</param>
public sealed record FaultSchedule(ulong Seed, IReadOnlyList<string> Peers, IReadOnlyList<FaultSpec> Faults)
{
    /// <summary>The channel every peer of <see cref="ToScenario"/> joins.</summary>
    public const string Channel = ExplorationCase.Channel;

    private static readonly JsonSerializerOptions OneLine = new(ScenarioJson.Options) { WriteIndented = false };

    /// <summary>When the last fault is over, from the start of the schedule.</summary>
    public TimeSpan End => TimeSpan.FromMilliseconds(Faults.Select(f => f.EndMs ?? f.AtMs).DefaultIfEmpty(0).Max());

    /// <summary>
    /// A scenario that runs the schedule: the peers on <see cref="Channel"/>, each publishing a camera and retrying a
    /// failed first connect, the faults in a 60 s safety phase, the seed, and the default expectation that the call heals.
    /// </summary>
    public Scenario ToScenario() => new()
    {
        Name = string.Create(CultureInfo.InvariantCulture, $"schedule-0x{Seed:x}"),
        Description = string.Create(CultureInfo.InvariantCulture, $"A fault schedule: {Faults.Count} fault(s) aimed at {string.Join(", ", Peers)}; every fault ends, so the call must heal."),
        Seed = Seed,
        DurationMs = ExplorationCase.SafetyPhaseMs,
        Peers = [.. Peers.Select(name => new PeerSpec
        {
            Name = name,
            Channel = Channel,
            Streams = [new StreamSpec { Id = FaultScheduleGen.Camera(name) }],
            Options = PeerSetup.Baseline.Options,
        })],
        Timeline = Faults,
    };

    /// <inheritdoc />
    public bool Equals(FaultSchedule? other) =>
        other is not null && Seed == other.Seed && Structural.ListEquals(Peers, other.Peers) && Structural.ListEquals(Faults, other.Faults);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seed, Structural.ListHash(Peers), Structural.ListHash(Faults));

    /// <summary>The seed, the peers and every fault as one line of scenario JSON.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"FaultSchedule SEED=0x{Seed:x} for {string.Join(", ", Peers)}, {Faults.Count} fault(s)")
        + string.Concat(Faults.Select(fault => "\n  " + JsonSerializer.Serialize(fault, OneLine)));
}
