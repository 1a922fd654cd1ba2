using System.Globalization;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;

namespace Reconnect.Testing.World;

/// <summary>
/// Applies faults to a world (<see cref="IFaultWorld"/>: a <see cref="SimWorld"/>'s scenario timeline, or the faults
/// injected into a virtual call), writes each to the trace, and ends the timed ones.
/// Faults of one kind on one target nest: each holds its own share (a counted outage, blackout, cut, loss, hang
/// window, refusal or sleep), so the inner one ending leaves the outer one in force. One file per concern:
/// network, server, peer and clock faults.
/// </summary>
internal sealed partial class FaultInjector
{
    private readonly IFaultWorld _world;
    private readonly List<Action> _pending = [];

    public FaultInjector(IFaultWorld world) => _world = world;

    /// <summary>How many timed faults are in force: begun and not yet ended.</summary>
    public int InForce { get; private set; }

    /// <summary>Applies one fault now.</summary>
    public void Apply(FaultSpec fault)
    {
        var peer = fault.Peer is null ? null : _world.Participant(fault.Peer);
        _world.RecordFault(new TraceEvent(_world.NowMs, fault.Peer ?? TraceEvent.WorldPeer, TraceEventKind.Fault)
        {
            Reason = fault.Kind.ToJsonName(),
            Remote = fault.Other,
            Code = fault.Code,
            DelayMs = Lasting(fault),
            Attempt = fault.Count,
            Detail = FaultDetail.Of(fault),
        });
        switch (fault.Kind)
        {
            case FaultKind.Offline: Offline(peer!, fault.DurationMs); break;
            case FaultKind.SignallingDrop: SignallingDrop(peer!, fault.DurationMs); break;
            case FaultKind.MediaDrop: MediaDrop(peer!, fault.Other, fault.DurationMs); break;
            case FaultKind.Blackhole: Blackhole(peer!, fault.Plane, fault.DurationMs); break;
            case FaultKind.Partition: Partition(peer!, fault.Other!, fault.DurationMs); break;
            case FaultKind.OneWayPartition: OneWayPartition(peer!, fault.Other!, fault.Direction, fault.DurationMs); break;
            case FaultKind.OneWayLoss: OneWayLoss(peer!, fault); break;
            case FaultKind.IpChange: IpChange(peer!); break;
            case FaultKind.AddressSignal: peer!.Signal(NetworkChange.AddressChanged); break;
            case FaultKind.Latency: Latency(peer, fault); break;
            case FaultKind.Loss: Loss(peer, fault); break;
            case FaultKind.ServerRestart: ServerRestart(fault.RetryAfterMs, fault.DurationMs); break;
            case FaultKind.ServerCrash: ServerCrash(fault.DurationMs); break;
            case FaultKind.ServerKick: ServerKick(peer!, fault.Code ?? CloseCodes.AdminDisconnect); break;
            case FaultKind.TokenExpiry: TokenExpiry(peer!); break;
            case FaultKind.TokenFailures: peer!.Token.FailuresToInject += fault.Count ?? 1; break;
            case FaultKind.TokenHang: TokenHang(peer!, fault.Count, fault.DurationMs); break;
            case FaultKind.ExpiredToken: peer!.Token.ExpiredToInject += fault.Count ?? 1; break;
            case FaultKind.PeerLeave: peer!.Leave(); break;
            case FaultKind.PeerClose: peer!.Close(); break;
            case FaultKind.PeerJoin: peer!.Join(); break;
            case FaultKind.Publish: peer!.Publish(fault.Stream!); break;
            case FaultKind.Unpublish: peer!.Unpublish(fault.Stream!); break;
            case FaultKind.ReplaceTrack: peer!.ReplaceTrack(fault.Stream!, fault.Track!); break;
            case FaultKind.RetryNow: peer!.RetryNow(); break;
            case FaultKind.MediaFreeze: MediaFreeze(peer!, fault.Other, fault.DurationMs); break;
            case FaultKind.DataSend: SendData(peer!, fault.Other!, fault.Label!, fault.Count ?? 1); break;
            case FaultKind.MediaVerbFails: MediaVerbFails(peer!, fault.Verb!.Value, fault.Other, fault.Count ?? 1); break;
            case FaultKind.ClockJump: Sleep(peer!, fault.DurationMs ?? 0); break;
            case FaultKind.WallClockJump: peer!.Clock.StepWallClock(TimeSpan.FromMilliseconds(fault.OffsetMs ?? 0)); break;
            default:
                throw new InvalidOperationException(_world.Failure($"unknown fault {fault.Kind}."));
        }
    }

    /// <summary>Ends every fault still in force: the liveness phase begins.</summary>
    public void EndAll()
    {
        foreach (var end in _pending.ToList())
        {
            end();
        }

        _pending.Clear();
        _refusals = 0;
        _world.Server.Accepting = true;
        _sleeps.Clear();
    }

    /// <summary>How long a fault lasts: its duration, cut short where the liveness phase's heal ends it first.</summary>
    private long? Lasting(FaultSpec fault) =>
        fault.DurationMs is { } duration ? Math.Min(duration, _world.RemainingMs ?? duration) : null;

    /// <summary>Ends a timed fault after <paramref name="durationMs"/> (or at the heal, whichever comes first), exactly once.</summary>
    private void Later(int? durationMs, Action end, string label)
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
                InForce--;
                end();
                _world.FaultEnded();
            }
        }

        InForce++;
        _pending.Add(Once);
        _world.Time.Schedule(TimeSpan.FromMilliseconds(ms), Once, label);
    }

    private static string Label(string what, IFaultPeer peer) => string.Create(CultureInfo.InvariantCulture, $"end {what} {peer.Name}");
}
