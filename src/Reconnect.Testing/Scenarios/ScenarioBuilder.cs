namespace Reconnect.Testing.Scenarios;

/// <summary>
/// Builds a <see cref="Scenario"/> in C#, with the same defaults and the same validation as a JSON file:
/// <code>
/// var scenario = ScenarioBuilder.Create("alice-offline")
///     .Duration(TimeSpan.FromSeconds(30))
///     .Peer("alice", p => p.Publishes("cam"))
///     .Peer("bob")
///     .At(TimeSpan.FromSeconds(10)).Offline("alice", TimeSpan.FromSeconds(5))
///     .Expect(e => e.NoPeerLeft())
///     .Build();
/// </code>
/// Faults go on the timeline in the order they are added, each at the time of the last <see cref="At"/> (0 before any).
/// Times are <see cref="TimeSpan"/>s of whole milliseconds; anything else the format forbids is reported by
/// <see cref="Build"/> as a <see cref="ScenarioException"/>, exactly as <see cref="ScenarioLoader"/> reports it.
/// </summary>
public sealed partial class ScenarioBuilder
{
    /// <summary>The channel of every peer not given one of its own.</summary>
    public const string DefaultChannel = "room-42";

    private readonly List<PeerBuilder> _peers = [];
    private readonly List<FaultSpec> _timeline = [];
    private Scenario _scenario;
    private string _channel = DefaultChannel;
    private ExpectationsBuilder? _expect;
    private int _atMs;

    private ScenarioBuilder(string name) => _scenario = new Scenario { Name = name };

    /// <summary>Starts a scenario named <paramref name="name"/> with every default of the format.</summary>
    public static ScenarioBuilder Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new ScenarioBuilder(name);
    }

    /// <summary>Says what behaviour the scenario shows and what must hold.</summary>
    public ScenarioBuilder Describe(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        _scenario = _scenario with { Description = description };
        return this;
    }

    /// <summary>Sets the seed of every random draw in the run (default 1).</summary>
    public ScenarioBuilder Seed(ulong seed)
    {
        _scenario = _scenario with { Seed = seed };
        return this;
    }

    /// <summary>Sets the length of the safety phase, in which the faults happen (default 60 s).</summary>
    public ScenarioBuilder Duration(TimeSpan duration)
    {
        _scenario = _scenario with { DurationMs = ScenarioTime.Milliseconds(duration, nameof(duration)) };
        return this;
    }

    /// <summary>Sets how long the call has to converge once the faults stop (default 180 s).</summary>
    public ScenarioBuilder RecoveryBound(TimeSpan bound)
    {
        _scenario = _scenario with { RecoveryBoundMs = ScenarioTime.Milliseconds(bound, nameof(bound)) };
        return this;
    }

    /// <summary>Sets the network every link starts with; a value left null keeps its default (40 ms, 5 ms jitter, no loss).</summary>
    public ScenarioBuilder Network(TimeSpan? latency = null, TimeSpan? jitter = null, double? loss = null)
    {
        var network = _scenario.Network;
        _scenario = _scenario with
        {
            Network = network with
            {
                LatencyMs = ScenarioTime.Milliseconds(latency, nameof(latency)) ?? network.LatencyMs,
                JitterMs = ScenarioTime.Milliseconds(jitter, nameof(jitter)) ?? network.JitterMs,
                Loss = loss ?? network.Loss,
            },
        };
        return this;
    }

    /// <summary>Sets how long the server keeps a silent session before it evicts it (default 45 s).</summary>
    public ScenarioBuilder SilenceGrace(TimeSpan grace)
    {
        _scenario = _scenario with { Server = _scenario.Server with { SilenceGraceMs = ScenarioTime.Milliseconds(grace, nameof(grace)) } };
        return this;
    }

    /// <summary>Sets <c>server.tokenLifetimeMs</c>: every token the peers fetch expires that long after it is issued, and the server closes a connection whose token expires with 4002.</summary>
    public ScenarioBuilder TokenLifetime(TimeSpan lifetime)
    {
        _scenario = _scenario with { Server = _scenario.Server with { TokenLifetimeMs = ScenarioTime.Milliseconds(lifetime, nameof(lifetime)) } };
        return this;
    }

    /// <summary>Sets the channel of every peer not given one of its own (default <see cref="DefaultChannel"/>).</summary>
    public ScenarioBuilder Channel(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _channel = channel;
        return this;
    }

    /// <summary>Adds a peer named <paramref name="name"/>, joining at t=0 with engine defaults unless <paramref name="configure"/> says otherwise.</summary>
    public ScenarioBuilder Peer(string name, Action<PeerBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var peer = new PeerBuilder(name);
        configure?.Invoke(peer);
        _peers.Add(peer);
        return this;
    }

    /// <summary>Sets when the faults added next happen, from the start of the run.</summary>
    public ScenarioBuilder At(TimeSpan at)
    {
        _atMs = ScenarioTime.Milliseconds(at, nameof(at));
        return this;
    }

    /// <summary>Says what the run must show; without a call, the defaults of <see cref="ScenarioExpectations"/> hold. Calls add up.</summary>
    public ScenarioBuilder Expect(Action<ExpectationsBuilder> expect)
    {
        ArgumentNullException.ThrowIfNull(expect);
        _expect ??= new ExpectationsBuilder();
        expect(_expect);
        return this;
    }

    /// <summary>The scenario; throws <see cref="ScenarioException"/> listing every problem when it is not valid.</summary>
    public Scenario Build()
    {
        var scenario = _scenario with
        {
            Peers = [.. _peers.Select(peer => peer.Build(_channel))],
            Timeline = [.. _timeline],
            Expect = _expect?.Build(),
        };
        var problems = ScenarioLoader.Validate(scenario);
        return problems.Count == 0 ? scenario : throw new ScenarioException($"{scenario.Name} (built in C#)", problems);
    }

    private ScenarioBuilder Add(FaultSpec fault)
    {
        _timeline.Add(fault);
        return this;
    }

    private FaultSpec Fault(FaultKind kind, string? peer = null) => new() { AtMs = _atMs, Kind = kind, Peer = peer };
}
