using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>A host that slept learns it on wake: its open socket is suspect and is probed with one ping.</summary>
public sealed class WakeRuleTests
{
    private static EngineHarness JoinedThenAsleep(TimeSpan slept)
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.Advance(TimeSpan.FromSeconds(5));
        h.Sleep(slept);
        return h;
    }

    [Fact]
    public void Wake_sends_a_ping_at_once_and_an_answer_keeps_the_socket_without_a_reconnect()
    {
        var h = JoinedThenAsleep(TimeSpan.FromSeconds(20));
        var woke = h.Checkpoint;

        h.Feed(new WokeUp(TimeSpan.FromSeconds(20)));
        Assert.Single(h.Sent<PingMessage>(woke));
        Assert.True(h.IsArmed(TimerKind.WakeProbe));
        h.ServerSends(new PongMessage(h.LastSent<PingMessage>().Sequence));
        h.Advance(TimeSpan.FromSeconds(10));

        Assert.False(h.IsArmed(TimerKind.WakeProbe));
        Assert.Empty(h.Since<CloseSocket>(woke));
        Assert.Equal(SignallingSocketState.Open, h.Snapshot.Socket);
        Assert.Contains(CoverageMarks.WakeProbe, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Any_frame_answers_the_wake_probe()
    {
        var h = JoinedThenAsleep(TimeSpan.FromSeconds(20));
        h.Feed(new WokeUp(TimeSpan.FromSeconds(20)));

        h.ServerSends(new PeerUpdatedMessage(EngineHarness.Peer("B")));

        Assert.False(h.IsArmed(TimerKind.WakeProbe));
    }

    [Fact]
    public void An_unanswered_wake_ping_declares_the_socket_dead_after_the_wake_probe_timeout_not_the_liveness_timeout()
    {
        var h = JoinedThenAsleep(TimeSpan.FromSeconds(20));
        var woke = h.Checkpoint;
        h.Feed(new WokeUp(TimeSpan.FromSeconds(20)));

        h.Advance(TimeSpan.FromSeconds(4.999));
        Assert.Empty(h.Since<CloseSocket>(woke));
        h.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(CloseCodes.LivenessTimeout, Assert.Single(h.Since<CloseSocket>(woke)).Code);
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
        Assert.Equal(SignallingSocketState.WaitingToRetry, h.Snapshot.Socket);
    }

    [Fact]
    public void A_wake_after_a_sleep_past_the_liveness_timeout_declares_the_socket_dead_at_once()
    {
        var h = JoinedThenAsleep(TimeSpan.FromSeconds(90));
        var woke = h.Checkpoint;

        h.Feed(new WokeUp(TimeSpan.FromSeconds(90)));

        Assert.Equal(CloseCodes.LivenessTimeout, Assert.Single(h.Since<CloseSocket>(woke)).Code);
        Assert.Empty(h.Sent<PingMessage>(woke));
        Assert.Equal(LocalPeerState.Reconnecting, h.Snapshot.Local);
    }

    [Fact]
    public void A_wake_that_lost_no_time_is_ignored_with_a_reason()
    {
        var h = JoinedThenAsleep(TimeSpan.Zero);

        var output = h.Feed(new WokeUp(TimeSpan.Zero));

        Assert.Equal([new InputIgnoredNotice("woke up after 00:00:00", "no time was lost")], output);
    }

    [Fact]
    public void A_wake_without_an_open_socket_is_ignored_with_a_reason_and_the_attempt_keeps_its_deadline()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));

        var output = h.Feed(new WokeUp(TimeSpan.FromSeconds(20)));

        Assert.Equal("no open socket to probe; the attempt under way has its own deadline", Assert.IsType<InputIgnoredNotice>(Assert.Single(output)).Reason);
        Assert.True(h.IsArmed(TimerKind.TokenTimeout));
    }

    [Fact]
    public void A_socket_drop_ends_the_wake_probe()
    {
        var h = JoinedThenAsleep(TimeSpan.FromSeconds(20));
        h.Feed(new WokeUp(TimeSpan.FromSeconds(20)));

        h.DropSocket();

        Assert.False(h.IsArmed(TimerKind.WakeProbe));
    }
}
