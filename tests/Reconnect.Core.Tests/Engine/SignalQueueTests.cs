using Reconnect.Core.Engine;
using Reconnect.Core.Machines;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Protocol;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The internal signal queue: machines talk one way, and never fire one another while an effect is performed.</summary>
public sealed class SignalQueueTests
{
    private static readonly Func<RemotePeerEntry, bool> EveryPeerLive = _ => true;

    private static RemotePeerEntry PeerB() => new("B", 1, new RosterEntry("B", "s", new Dictionary<string, string>(), []), true, MachineTables.Standard);

    [Fact]
    public void Firing_a_machine_while_an_effect_is_performed_throws_the_typed_bug()
    {
        var queue = new SignalQueue(EveryPeerLive);

        var bug = Assert.Throws<MachineFiredDuringEffectsException>(() =>
            queue.Perform(queue, "effect", static (q, _) => q.EnsureNotPerforming("LocalPeer", LocalPeerTrigger.SignallingLost), _ => { }));

        Assert.Equal(("LocalPeer", nameof(LocalPeerTrigger.SignallingLost)), (bug.Machine, bug.Trigger));
    }

    [Fact]
    public void A_machine_may_be_fired_outside_effects_and_while_the_signals_of_an_effect_are_delivered()
    {
        var queue = new SignalQueue(EveryPeerLive);
        var delivered = 0;

        queue.EnsureNotPerforming("LocalPeer", LocalPeerTrigger.Welcomed);
        queue.Perform(queue, "effect", static (q, _) => q.Enqueue(MachineSignal.ToReconcile(ReconcileTrigger.Welcomed)), _ =>
        {
            queue.EnsureNotPerforming("Reconcile", ReconcileTrigger.Welcomed);
            delivered++;
        });

        Assert.Equal(1, delivered);
        Assert.False(queue.Performing);
    }

    [Fact]
    public void A_signal_queued_outside_an_effect_is_a_bug_not_a_lost_request()
    {
        var queue = new SignalQueue(EveryPeerLive);

        Assert.Throws<InvalidOperationException>(() => queue.Enqueue(MachineSignal.ToReconcile(ReconcileTrigger.Superseded)));
    }

    [Fact]
    public void Signals_are_delivered_after_the_effect_in_the_order_queued_and_a_delivered_signal_runs_its_own_before_the_next()
    {
        var queue = new SignalQueue(EveryPeerLive);
        var log = new List<string>();
        void Deliver(MachineSignal signal)
        {
            log.Add($"deliver {signal.Target} {signal.Reason}");
            if (signal.Reason == "first")
            {
                queue.Perform(log, "nested effect", (l, e) =>
                {
                    l.Add(e);
                    queue.Enqueue(MachineSignal.ToLocalPeer(LocalPeerTrigger.Welcomed, "nested"));
                }, Deliver);
            }
        }

        queue.Perform(log, "effect", (l, e) =>
        {
            l.Add(e);
            queue.Enqueue(MachineSignal.ToLocalPeer(LocalPeerTrigger.SignallingLost, "first"));
            queue.Enqueue(MachineSignal.ToEveryRemotePeer(RemotePeerTrigger.LocalShutdown, "second"));
            l.Add("effect done");
        }, Deliver);

        Assert.Equal(
            ["effect", "effect done", "deliver LocalPeer first", "nested effect", "deliver LocalPeer nested", "deliver EveryRemotePeer second"],
            log);
    }

    [Fact]
    public void A_signal_for_a_remote_peer_that_has_gone_by_its_turn_is_dropped_by_rule()
    {
        var gone = PeerB();
        var live = PeerB();
        var queue = new SignalQueue(peer => peer == live);
        var delivered = new List<MachineSignal>();

        queue.Perform(queue, "effect", (q, _) =>
        {
            q.Enqueue(MachineSignal.ToNegotiation(gone, NegotiationTrigger.IceRestart));
            q.Enqueue(MachineSignal.ToNegotiation(live, NegotiationTrigger.IceRestart));
            q.Enqueue(MachineSignal.ToSocket(SignallingSocketTrigger.Released));
        }, delivered.Add);

        Assert.Equal([MachineSignal.ToNegotiation(live, NegotiationTrigger.IceRestart), MachineSignal.ToSocket(SignallingSocketTrigger.Released)], delivered);
    }

    [Fact]
    public void The_queue_is_reused_so_performing_effects_allocates_nothing_once_warm()
    {
        var queue = new SignalQueue(EveryPeerLive);
        var count = new int[1];
        Action<MachineSignal> deliver = _ => count[0]++;
        Action<SignalQueue, int> apply = static (q, signals) =>
        {
            for (var i = 0; i < signals; i++)
            {
                q.Enqueue(MachineSignal.ToReconcile(ReconcileTrigger.Superseded));
            }
        };
        queue.Perform(queue, 3, apply, deliver);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            queue.Perform(queue, i % 4, apply, deliver);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3 + 1500, count[0]);
    }
}
