using System.Globalization;
using Reconnect.Channel;
using Reconnect.Core.Engine;
using Reconnect.Core.Time;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Network;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Testing.Trace;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.World;

/// <summary>
/// A seeded simulated world running the production engine for every peer, the production channel logic on a
/// server host, and in-memory transports over a simulated network, all on one virtual clock. A run has a
/// safety phase (the scenario's timeline, invariants checked after every step) and a liveness phase (faults
/// stop, the world heals, the call must converge within the bound). The convergence probe runs on its own
/// fixed virtual cadence, whether or not anything else happens, and right after each fault ends.
/// </summary>
public sealed class SimWorld : IFaultWorld
{
    /// <summary>The server host's name.</summary>
    public const string ServerHost = ScenarioValidator.ServerName;

    /// <summary>How often the convergence probe runs, in virtual time.</summary>
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(50);

    /// <summary>How often remote peers' deadlines are sampled: every other probe (their bounds are seconds).</summary>
    public static readonly TimeSpan DeadlinesEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>The one-way delay of the server host's own link, in milliseconds (each peer's link adds its own).</summary>
    public const int ServerLinkLatencyMs = 5;

    private readonly Scenario _scenario;
    private readonly ulong _seed;
    private readonly VirtualTimeProvider _time;
    private readonly SimNetwork _network;
    private readonly InMemorySignallingServer _server;
    private readonly List<SimPeer> _peers = [];
    private readonly TraceWriter _trace = new();
    private readonly InvariantChecker _checker;
    private readonly AnswerOnlyRollbackWatch _rollbacks;
    private readonly FaultInjector _faults;
    private TimeSpan _nextProbe = ProbeEvery;
    private TimeSpan _nextDeadlineSample = DeadlinesEvery;
    private bool _wasHealed;
    private bool _faultEnded;

    /// <summary>Builds the world for a scenario and a seed (the scenario's own seed when null).</summary>
    public SimWorld(Scenario scenario, ulong? seed = null, IEventChooser? chooser = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _seed = seed ?? scenario.Seed;
        var root = DeterministicRandom.FromSeed(_seed);
        _time = new VirtualTimeProvider(chooser ?? new SeededChooser(root.Fork("order")));
        _network = new SimNetwork(_time, root.Fork("network"));
        var settings = scenario.Network;
        _network.AddHost(ServerHost, ServerLinkLatencyMs, 0, 0);
        foreach (var spec in scenario.Peers)
        {
            _network.AddHost(spec.Name, settings.LatencyMs, settings.JitterMs, settings.Loss);
        }

        _server = new InMemorySignallingServer(_network, ServerHost, NewChannelLogic("s"));
        var directory = new InMemoryMediaDirectory();
        foreach (var spec in scenario.Peers)
        {
            var peer = new SimPeer(spec, _network, new HostClock(_time), _server, directory, root.Fork($"peer:{spec.Name}").NextUInt64(), _scenario.Server.TokenLifetime);
            _peers.Add(peer);
            peer.Pump.NoticeRaised += (_, e) => OnNotice(peer, e.Notice);
        }

        var longestHint = scenario.Timeline.Select(f => f.RetryAfterMs ?? 0).DefaultIfEmpty(0).Max();
        _checker = new InvariantChecker(_seed, _peers, TimeSpan.FromMilliseconds(longestHint));
        _rollbacks = new AnswerOnlyRollbackWatch(_checker);
        foreach (var peer in _peers)
        {
            peer.Pump.InputHandled += (_, input) => _checker.OnInput(peer.Name, input);
            peer.Pump.EffectDispatching += (_, e) => _checker.OnEffect(peer, e.Effect);
        }

        _server.NoticeRaised += (_, notice) => _checker.OnServerNotice(notice);
        _network.HostWentOffline += (_, host) => _peers.FirstOrDefault(p => p.Name == host.Name)?.Signalling.NetworkLost();
        _faults = new FaultInjector(this);
    }

    /// <summary>The virtual clock.</summary>
    public VirtualTimeProvider Time => _time;

    /// <summary>The simulated network.</summary>
    public SimNetwork Network => _network;

    /// <summary>The signalling server.</summary>
    public InMemorySignallingServer Server => _server;

    /// <summary>The peers, in scenario order.</summary>
    public IReadOnlyList<SimPeer> Peers => _peers;

    /// <summary>The trace so far.</summary>
    public TraceWriter Trace => _trace;

    internal Scenario Scenario => _scenario;

    internal ulong Seed => _seed;

    internal InvariantChecker Checker => _checker;

    internal long NowMs => (long)_time.Elapsed.TotalMilliseconds;

    /// <inheritdoc />
    long? IFaultWorld.RemainingMs => _scenario.DurationMs - NowMs;

    /// <inheritdoc />
    InvariantChecker IFaultWorld.Checker => _checker;

    /// <inheritdoc />
    long IFaultWorld.NowMs => NowMs;

    /// <summary>Runs the safety phase, then the liveness phase, and reports; <paramref name="progress"/> hears of each probe.</summary>
    public SimRunResult Run(IProgress<SimProgress>? progress = null)
    {
        Schedule();
        var safetyEnd = TimeSpan.FromMilliseconds(_scenario.DurationMs);
        RunChecked(safetyEnd, stopWhenHealed: false, progress);
        var livenessStart = NowMs;
        Repair();
        var bound = _time.Elapsed + TimeSpan.FromMilliseconds(_scenario.RecoveryBoundMs);
        var healed = RunChecked(bound, stopWhenHealed: true, progress);
        IReadOnlyList<string> pending = healed ? [] : [.. ConvergenceProbe.Pending(_peers, _server, _time.Elapsed), .. Undelivered()];
        var result = new SimRunResult(
            _scenario.Name,
            _seed,
            _trace,
            _checker.Violations,
            healed,
            healed ? NowMs : null,
            livenessStart,
            pending,
            MergedCoverage(),
            []);
        return result with { Misses = ExpectationChecker.Check(_scenario, result, _peers) };
    }

    /// <inheritdoc />
    IFaultPeer IFaultWorld.Participant(string name) => _peers.First(p => p.Name == name);

    /// <inheritdoc />
    void IFaultWorld.RecordFault(TraceEvent fault) => _trace.Add(fault);

    /// <inheritdoc />
    ChannelServer IFaultWorld.NewChannelLogic(string sessionIdPrefix) => NewChannelLogic(sessionIdPrefix);

    /// <summary>A fresh instance of the channel logic, whose session ids start with <paramref name="sessionIdPrefix"/>.</summary>
    private ChannelServer NewChannelLogic(string sessionIdPrefix) =>
        new(new ChannelServerOptions { SilenceGrace = TimeSpan.FromMilliseconds(_scenario.Server.SilenceGraceMs), SessionIdPrefix = sessionIdPrefix }, new LiteralTokenValidator());

    /// <summary>A fault just ended: the probe runs before the next step, so a call it never broke is seen healed at once.</summary>
    void IFaultWorld.FaultEnded() => _faultEnded = true;

    private IReadOnlyDictionary<string, long> MergedCoverage()
    {
        var merged = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in _peers.SelectMany(p => p.Engine.Coverage))
        {
            merged[key] = merged.TryGetValue(key, out var n) ? n + count : count;
        }

        return merged;
    }

    private void Schedule()
    {
        foreach (var peer in _peers.Where(p => p.Spec.JoinAtMs is not null))
        {
            At(peer.Spec.JoinAtMs!.Value, peer.Join, $"join {peer.Name}");
        }

        foreach (var fault in _scenario.Timeline)
        {
            At(fault.AtMs, () => _faults.Apply(fault), $"fault {fault.Kind.ToJsonName()}");
        }
    }

    private void At(int atMs, Action action, string label)
    {
        var delay = TimeSpan.FromMilliseconds(atMs) - _time.Elapsed;
        _time.Schedule(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, action, label);
    }

    /// <summary>
    /// Runs every item due up to <paramref name="until"/>, checking invariants after each step, and probes
    /// convergence every <see cref="ProbeEvery"/> of virtual time (after the items due at that instant) and right
    /// after a fault ends. With <paramref name="stopWhenHealed"/> it stops at the first probe that finds the call healed.
    /// </summary>
    private bool RunChecked(TimeSpan until, bool stopWhenHealed, IProgress<SimProgress>? progress)
    {
        while (true)
        {
            if (_faultEnded && Probe() && stopWhenHealed)
            {
                return true;
            }

            if (_time.NextDue is { } due && due <= until && due <= _nextProbe)
            {
                _time.RunNext();
                _checker.AfterStep(NowMs);
                LookForAnswerOnlyRollbacks();
                continue;
            }

            if (_nextProbe > until)
            {
                break;
            }

            _time.RunUntil(_nextProbe);
            LookForAnswerOnlyRollbacks();
            _nextProbe += ProbeEvery;
            if (_time.Elapsed >= _nextDeadlineSample)
            {
                _nextDeadlineSample += DeadlinesEvery;
                _checker.SampleDeadlines(NowMs);
            }

            progress?.Report(new SimProgress(_time.Elapsed, until, stopWhenHealed ? SimPhase.Liveness : SimPhase.Safety));
            if (Probe() && stopWhenHealed)
            {
                return true;
            }
        }

        _time.RunUntil(until);
        LookForAnswerOnlyRollbacks();
        return stopWhenHealed && IsHealed();
    }

    private void LookForAnswerOnlyRollbacks()
    {
        foreach (var peer in _peers)
        {
            _rollbacks.Look(peer.Name, peer.Media, NowMs);
        }
    }

    /// <summary>
    /// Probes convergence and writes a heal when the call has converged again, or when a fault just ended and the
    /// call is converged (the fault did not break it, or it healed during the fault); true when it is converged.
    /// </summary>
    private bool Probe()
    {
        var healed = IsHealed();
        if (healed && (!_wasHealed || _faultEnded))
        {
            _trace.Add(new TraceEvent(NowMs, "*", TraceEventKind.Heal) { Detail = "every live pair connected both ways with frames flowing; rosters equal the server's" });
        }

        _wasHealed = healed;
        _faultEnded = false;
        return healed;
    }

    private bool IsHealed() =>
        _peers.Any(ConvergenceProbe.IsLive) && ConvergenceProbe.NothingPending(_peers, _server, _time.Elapsed) && !Undelivered().Any();

    /// <summary>The data-channel messages between live peers still to arrive: a call has healed only once they have.</summary>
    private IEnumerable<string> Undelivered() =>
        _checker.Undelivered(_peers.Where(ConvergenceProbe.IsLive).Select(p => p.Name).ToHashSet(StringComparer.Ordinal));

    private void OnNotice(SimPeer peer, EngineNotice notice)
    {
        if (TraceMapper.FromNotice(peer.Name, NowMs, notice) is { } trace)
        {
            _trace.Add(trace);
        }

        _checker.OnNotice(peer, notice, NowMs);
    }

    private void Repair()
    {
        _faults.EndAll();
        _network.Heal();
        foreach (var peer in _peers)
        {
            peer.Token.Reset();
            peer.Pump.Resume();
        }
    }

    /// <inheritdoc />
    string IFaultWorld.Failure(string what) => string.Create(CultureInfo.InvariantCulture, $"SEED=0x{_seed:x}: {what}");
}
