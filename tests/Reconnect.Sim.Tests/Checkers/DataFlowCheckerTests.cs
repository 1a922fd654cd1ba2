using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.Checkers;

/// <summary>
/// The data-channel invariants the simulator checks on every run: what arrives is a subsequence of what was sent
/// (sent, once, in order on an ordered channel), and what was neither failed nor lost with a replaced connection arrives.
/// </summary>
public sealed class DataFlowCheckerTests
{
    private static readonly IReadOnlySet<string> BothLive = new HashSet<string>(["A", "B"], StringComparer.Ordinal);

    [Fact]
    public void Messages_received_once_in_send_order_are_no_violation_and_leave_nothing_undelivered()
    {
        var (checker, a, b) = Checker(ordered: true);
        Send(checker, a, 1, 2, 3);
        Receive(checker, b, 1, 2, 3);

        Assert.Empty(checker.Violations);
        Assert.Empty(checker.Undelivered(BothLive));
    }

    [Fact]
    public void A_message_received_twice_out_of_order_or_never_sent_is_a_violation()
    {
        var (checker, a, b) = Checker(ordered: true);
        Send(checker, a, 1, 2, 3);
        Receive(checker, b, 2, 2, 1, 9);

        Assert.Contains(checker.Violations, v => v.Contains("invariant data-in-order", StringComparison.Ordinal) && v.Contains("B got #2 from A on chat twice", StringComparison.Ordinal));
        Assert.Contains(checker.Violations, v => v.Contains("B got #1 from A on chat after #2", StringComparison.Ordinal));
        Assert.Contains(checker.Violations, v => v.Contains("B got #9 from A on chat, which was never sent", StringComparison.Ordinal));
    }

    [Fact]
    public void On_an_unordered_channel_order_is_free_but_a_duplicate_is_still_a_violation()
    {
        var (checker, a, b) = Checker(ordered: false);
        Send(checker, a, 1, 2);
        Receive(checker, b, 2, 1);

        Assert.Empty(checker.Violations);

        Receive(checker, b, 1);

        Assert.Contains(checker.Violations, v => v.Contains("B got #1 from A on chat twice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_queued_message_not_received_is_undelivered_unless_it_failed_even_before_its_input_was_handled_or_was_lost_with_a_replaced_connection()
    {
        var (checker, a, b) = Checker(ordered: true);
        checker.OnNotice(a, new ErrorRaisedNotice(new DataSendFailed(1, "B", "chat", DataSendFailure.QueueFull)), 100);
        Send(checker, a, 1, 2, 3);
        checker.OnEffect(a, new SendData("B", 4, "chat", DataMessage.Payload(2)));

        Assert.Equal(["B has not received 1 message(s) from A on chat (first #3)"], checker.Undelivered(BothLive));
        Assert.Empty(checker.Undelivered(new HashSet<string>(["A"], StringComparer.Ordinal)));

        Receive(checker, b, 3);

        Assert.Empty(checker.Undelivered(BothLive));
        Assert.Empty(checker.Violations);
    }

    [Fact]
    public void A_send_failed_as_the_call_ended_after_close_answers_the_command_and_is_no_event_after_close()
    {
        var (checker, a, _) = Checker(ordered: true);
        checker.OnNotice(a, new LocalStateChangedNotice(LocalPeerState.Idle, LocalPeerState.Closed, "closed"), 100);
        checker.OnNotice(a, new ErrorRaisedNotice(new DataSendFailed(1, "B", "chat", DataSendFailure.CallEnded)), 200);

        Assert.DoesNotContain(checker.Violations, v => v.Contains("no-event-after-close", StringComparison.Ordinal));

        checker.OnNotice(a, new ErrorRaisedNotice(new DataSendFailed(2, "B", "chat", DataSendFailure.QueueFull)), 300);

        Assert.Contains(checker.Violations, v => v.Contains("no-event-after-close", StringComparison.Ordinal));
    }

    private static void Send(InvariantChecker checker, SimPeer from, params long[] sequences)
    {
        foreach (var sequence in sequences)
        {
            checker.OnInput(from.Name, new DataSendRequested(sequence, "B", "chat", DataMessage.Payload(sequence)));
        }
    }

    private static void Receive(InvariantChecker checker, SimPeer to, params long[] sequences)
    {
        foreach (var sequence in sequences)
        {
            checker.OnNotice(to, new DataReceivedNotice("A", 1, "chat", DataMessage.Payload(sequence)), 1_000);
        }
    }

    private static (InvariantChecker Checker, SimPeer A, SimPeer B) Checker(bool ordered)
    {
        IReadOnlyList<DataChannelSpec> channels = [new DataChannelSpec { Label = "chat", Ordered = ordered }];
        var scenario = new Scenario
        {
            Name = "data-flow",
            Peers =
            [
                new PeerSpec { Name = "A", Channel = "room", JoinAtMs = null, DataChannels = channels },
                new PeerSpec { Name = "B", Channel = "room", JoinAtMs = null, DataChannels = channels },
            ],
        };
        var world = new SimWorld(scenario, 7);
        return (new InvariantChecker(7, world.Peers, TimeSpan.Zero), world.Peers[0], world.Peers[1]);
    }
}
