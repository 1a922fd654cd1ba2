using System.Globalization;
using Reconnect.Channel;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Network;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Calls;

/// <summary>Faults: the simulator's own fault injector, applied to the call's clients, network and server.</summary>
public sealed partial class VirtualCall : IFaultWorld
{
    private int _waiting;

    /// <inheritdoc />
    VirtualTimeProvider IFaultWorld.Time => _clock;

    /// <inheritdoc />
    SimNetwork IFaultWorld.Network => _network;

    /// <inheritdoc />
    InMemorySignallingServer IFaultWorld.Server => _server;

    /// <inheritdoc />
    InvariantChecker IFaultWorld.Checker => _checker;

    /// <inheritdoc />
    long IFaultWorld.NowMs => NowMs;

    /// <summary>Nothing heals a call's faults early: each lasts its whole duration.</summary>
    long? IFaultWorld.RemainingMs => null;

    /// <summary>
    /// Cuts a client off the network for <paramref name="duration"/> of virtual time, from now: an <c>offline</c> fault
    /// (<see cref="Inject(FaultSpec)"/>), whole milliseconds, rounded up.
    /// </summary>
    /// <exception cref="ArgumentException">No client has that name.</exception>
    /// <exception cref="InvalidOperationException">The call is running.</exception>
    public void Cut(string peerId, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, TimeSpan.FromMilliseconds(int.MaxValue));
        Inject(new FaultSpec { AtMs = 0, Kind = FaultKind.Offline, Peer = peerId, DurationMs = (int)Math.Ceiling(duration.TotalMilliseconds) });
    }

    /// <summary>
    /// Injects a fault of any kind, with the meaning it has in the simulator (docs/scenarios.md), at its
    /// <see cref="FaultSpec.AtMs"/> from now, once the call runs: network faults hit the client's host, server faults
    /// the call's server, token faults the client's token provider, clock faults its machine and wall clock, and app
    /// faults (<c>peer-join</c> into the channel it last joined, <c>peer-leave</c>, <c>peer-close</c>, <c>publish</c>,
    /// <c>unpublish</c>, <c>replace-track</c>) call the client's own API. The fault shows in <see cref="Timeline"/>
    /// and <see cref="Trace"/>; a timed one ends by itself, and <see cref="IsHealed"/> is false from this call on
    /// until every fault injected has begun and every timed one has ended.
    /// </summary>
    /// <exception cref="ArgumentException">The fault is invalid or names an unknown client; the message lists the problems.</exception>
    /// <exception cref="InvalidOperationException">The call is running.</exception>
    public void Inject(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Inject([fault]);
    }

    /// <summary>Injects several faults, each at its <see cref="FaultSpec.AtMs"/> from now; see <see cref="Inject(FaultSpec)"/>.</summary>
    /// <exception cref="ArgumentException">A fault is null, invalid or names an unknown client; the message lists the problems.</exception>
    /// <exception cref="InvalidOperationException">The call is running.</exception>
    public void Inject(IEnumerable<FaultSpec> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var all = faults.ToList();
        if (all.Any(f => f is null))
        {
            throw new ArgumentException("A fault must not be null.", nameof(faults));
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            ThrowIfRunning();
            var problems = ScenarioValidator.CheckFaults(_clients.Keys, all);
            if (problems.Count > 0)
            {
                throw new ArgumentException($"The faults cannot be injected: {string.Join("; ", problems)}", nameof(faults));
            }

            foreach (var fault in all)
            {
                _waiting++;
                _healPending = true;
                _clock.Schedule(TimeSpan.FromMilliseconds(fault.AtMs), () => Apply(fault), $"fault {fault.Kind.ToJsonName()}");
            }
        }
    }

    /// <inheritdoc />
    IFaultPeer IFaultWorld.Participant(string name) => _clients[name];

    /// <inheritdoc />
    void IFaultWorld.RecordFault(TraceEvent fault) => _notices.Fault(fault);

    /// <inheritdoc />
    ChannelServer IFaultWorld.NewChannelLogic(string sessionIdPrefix) =>
        new(new ChannelServerOptions { SessionIdPrefix = sessionIdPrefix }, new LiteralTokenValidator());

    /// <summary>Nothing to do: the call looks at whether it healed after every instant it runs.</summary>
    void IFaultWorld.FaultEnded()
    {
    }

    /// <inheritdoc />
    string IFaultWorld.Failure(string what) => string.Create(CultureInfo.InvariantCulture, $"SEED=0x{Seed:x}: {what}");

    private void Apply(FaultSpec fault)
    {
        _waiting--;
        _faults.Apply(fault);
    }

    /// <summary>The server's notices: the checker learns who truly left, and each client the channel it was admitted to.</summary>
    private void OnServerNotice(ChannelNotice notice)
    {
        _checker.OnServerNotice(notice);
        if (notice.Kind is ChannelNoticeKinds.Joined or ChannelNoticeKinds.Resumed && notice.PeerId is { } peer && _clients.TryGetValue(peer, out var client))
        {
            client.Admitted(notice.Channel);
        }
    }
}
