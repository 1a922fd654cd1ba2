using System.Globalization;
using Reconnect.Channel;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Time;
using Reconnect.Sim.Checkers;
using Reconnect.Sim.Network;
using Reconnect.Sim.Scenarios;
using Reconnect.Sim.Time;
using Reconnect.Sim.Trace;
using Reconnect.Transports.InMemory;

namespace Reconnect.Sim.World;

/// <summary>
/// A seeded simulated world running the production engine for every peer, the production channel logic on a
/// server host, and in-memory transports over a simulated network, all on one virtual clock. A run has a
/// safety phase (the scenario's timeline, invariants checked after every step) and a liveness phase (faults
/// stop, the world heals, the call must converge within the bound).
/// </summary>
public sealed class SimWorld
{
    /// <summary>The server host's name.</summary>
    public const string ServerHost = "server";

    /// <summary>The one-way delay of the server host's own link, in milliseconds (each peer's link adds its own).</summary>
    public const int ServerLinkLatencyMs = 5;

    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(100);

    private readonly Scenario _scenario;
    private readonly ulong _seed;
    private readonly VirtualTimeProvider _time;
    private readonly SimNetwork _network;
    private readonly InMemorySignallingServer _server;
    private readonly List<SimPeer> _peers = [];
    private readonly TraceWriter _trace = new();
    private readonly InvariantChecker _checker;
    private readonly List<Action> _pendingRepairs = [];
    private TimeSpan? _lastProbe;
    private bool _wasHealed;

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

        var logic = new ChannelServer(new ChannelServerOptions { SilenceGrace = TimeSpan.FromMilliseconds(scenario.Server.SilenceGraceMs) }, new SimTokenValidator());
        _server = new InMemorySignallingServer(_network, ServerHost, logic);
        var directory = new InMemoryMediaDirectory();
        foreach (var spec in scenario.Peers)
        {
            var peer = new SimPeer(spec, _network, _server, directory, root.Fork($"peer:{spec.Name}").NextUInt64());
            _peers.Add(peer);
            peer.Pump.NoticeRaised += (_, e) => OnNotice(peer, e.Notice);
        }

        var longestHint = scenario.Timeline.Select(f => f.RetryAfterMs ?? 0).DefaultIfEmpty(0).Max();
        _checker = new InvariantChecker(_seed, _peers, TimeSpan.FromMilliseconds(longestHint));
        _server.NoticeRaised += (_, notice) => _checker.OnServerNotice(notice);
        _network.HostWentOffline += (_, host) => _peers.FirstOrDefault(p => p.Name == host.Name)?.Signalling.NetworkLost();
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

    private long NowMs => (long)_time.Elapsed.TotalMilliseconds;

    /// <summary>Runs the safety phase, then the liveness phase, and reports.</summary>
    public SimRunResult Run()
    {
        Schedule();
        RunChecked(TimeSpan.FromMilliseconds(_scenario.DurationMs), stopWhenHealed: false);
        var livenessStart = NowMs;
        Repair();
        var bound = _time.Elapsed + TimeSpan.FromMilliseconds(_scenario.RecoveryBoundMs);
        var healed = RunChecked(bound, stopWhenHealed: true);
        var pending = healed ? [] : ConvergenceProbe.Pending(_peers, _server, _time.Elapsed);
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
            At(fault.AtMs, () => Apply(fault), $"fault {fault.Kind.ToJsonName()}");
        }
    }

    private void At(int atMs, Action action, string label)
    {
        var delay = TimeSpan.FromMilliseconds(atMs) - _time.Elapsed;
        _time.Schedule(delay < TimeSpan.Zero ? TimeSpan.Zero : delay, action, label);
    }

    private bool RunChecked(TimeSpan until, bool stopWhenHealed)
    {
        while (_time.NextDue is { } due && due <= until)
        {
            _time.RunNext();
            _checker.AfterStep(NowMs);
            if (_lastProbe is not { } probed || _time.Elapsed - probed >= ProbeEvery)
            {
                _lastProbe = _time.Elapsed;
                _checker.SampleDeadlines(NowMs);
                var healed = IsHealed();
                if (healed && !_wasHealed)
                {
                    _trace.Add(new TraceEvent(NowMs, "*", TraceEventKind.Heal) { Detail = "every live pair connected both ways with frames flowing; rosters equal the server's" });
                }

                _wasHealed = healed;
                if (healed && stopWhenHealed)
                {
                    return true;
                }
            }
        }

        if (_time.Elapsed < until)
        {
            _time.RunUntil(until);
        }

        return stopWhenHealed && IsHealed();
    }

    private bool IsHealed() => _peers.Any(ConvergenceProbe.IsLive) && ConvergenceProbe.Pending(_peers, _server, _time.Elapsed).Count == 0;

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
        foreach (var repair in _pendingRepairs.ToList())
        {
            repair();
        }

        _pendingRepairs.Clear();
        _network.Heal();
        _server.Accepting = true;
        foreach (var peer in _peers)
        {
            peer.Token.FailuresToInject = 0;
            peer.Pump.Resume();
        }

    }

    private void Later(int? durationMs, Action repair, string label)
    {
        if (durationMs is not { } ms)
        {
            return;
        }

        var done = false;
        void Once()
        {
            if (!done)
            {
                done = true;
                repair();
            }
        }

        _pendingRepairs.Add(Once);
        _time.Schedule(TimeSpan.FromMilliseconds(ms), Once, label);
    }

    private void Apply(FaultSpec fault)
    {
        var peer = fault.Peer is null ? null : _peers.First(p => p.Name == fault.Peer);
        _trace.Add(new TraceEvent(NowMs, fault.Peer ?? "*", TraceEventKind.Fault)
        {
            Reason = fault.Kind.ToJsonName(),
            Remote = fault.Other,
            Code = fault.Code,
            DelayMs = fault.DurationMs,
            Attempt = fault.Count,
        });
        switch (fault.Kind)
        {
            case FaultKind.Offline: Offline(peer!, fault.DurationMs); break;
            case FaultKind.SignallingDrop:
                peer!.Host.SignallingBlocked = true;
                peer.Signalling.ConnectionReset();
                Later(fault.DurationMs, () => peer.Host.SignallingBlocked = false, $"end signalling-drop {peer.Name}");
                break;
            case FaultKind.MediaDrop:
                if (fault.Other is { } other)
                {
                    _network.SetPartition(peer!.Name, other, true);
                    Later(fault.DurationMs, () => _network.SetPartition(peer.Name, other, false), $"end media-drop {peer.Name}");
                }
                else
                {
                    peer!.Host.MediaBlocked = true;
                    Later(fault.DurationMs, () => peer.Host.MediaBlocked = false, $"end media-drop {peer.Name}");
                }

                break;
            case FaultKind.IpChange:
                _network.ChangeAddress(peer!.Name);
                peer.Signalling.ConnectionReset();
                Signal(peer, NetworkChange.AddressChanged);
                break;
            case FaultKind.ServerRestart:
                _server.Operate(new ServerShuttingDown(fault.RetryAfterMs));
                _server.Accepting = false;
                Later(fault.DurationMs ?? 0, () => _server.Accepting = true, "end server-restart");
                break;
            case FaultKind.ServerKick:
                _server.Operate(new AdminKick(peer!.Spec.Channel, peer.Name, fault.Code ?? Core.Policies.CloseCodes.AdminDisconnect));
                break;
            case FaultKind.TokenFailures:
                peer!.Token.FailuresToInject = fault.Count ?? 1;
                break;
            case FaultKind.TokenExpiry:
                if (_server.ConnectionOf(peer!.Signalling, peer.Signalling.Epoch) is { } connection)
                {
                    _server.Operate(new TokenExpired(connection));
                }

                break;
            case FaultKind.PeerLeave: peer!.Leave(); break;
            case FaultKind.PeerClose: peer!.Close(); break;
            case FaultKind.PeerJoin: peer!.Join(); break;
            case FaultKind.Latency:
                foreach (var host in Hosts(peer))
                {
                    host.LatencyMs = fault.LatencyMs ?? host.LatencyMs;
                    host.JitterMs = fault.JitterMs ?? host.JitterMs;
                }

                break;
            case FaultKind.Loss:
                foreach (var host in Hosts(peer))
                {
                    host.Loss = fault.Loss ?? host.Loss;
                }

                break;
            case FaultKind.ClockJump: Sleep(peer!, fault.DurationMs ?? 0); break;
            case FaultKind.Partition:
                var far = fault.Other ?? ServerHost;
                _network.SetPartition(peer!.Name, far, true);
                Later(fault.DurationMs, () => _network.SetPartition(peer.Name, far, false), $"end partition {peer.Name}");
                break;
            default:
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"SEED=0x{_seed:x}: unknown fault {fault.Kind}."));
        }
    }

    private IEnumerable<SimHost> Hosts(SimPeer? peer) =>
        peer is null ? _network.Hosts.Where(h => h.Name != ServerHost) : [peer.Host];

    private void Offline(SimPeer peer, int? durationMs)
    {
        _network.SetOnline(peer.Name, false);
        Signal(peer, NetworkChange.Offline);
        Later(
            durationMs,
            () =>
            {
                _network.SetOnline(peer.Name, true);
                Signal(peer, NetworkChange.Online);
            },
            $"end offline {peer.Name}");
    }

    private void Sleep(SimPeer peer, int durationMs)
    {
        _network.SetOnline(peer.Name, false);
        peer.Pump.Pause();
        Later(
            durationMs,
            () =>
            {
                _network.SetOnline(peer.Name, true);
                peer.Pump.Resume();
                Signal(peer, NetworkChange.Online);
            },
            $"wake {peer.Name}");
    }

    private static void Signal(SimPeer peer, NetworkChange change)
    {
        if (peer.Spec.NetworkSignals)
        {
            peer.Pump.Post(new NetworkChanged(change));
        }
    }
}
