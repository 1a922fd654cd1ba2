using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class EvictionRuleTests
{
    private static readonly EvictedMessage Evicted = new("network-disconnect");

    /// <summary>Joined with B connected, dropped, and a resume join sent on the next socket.</summary>
    private static EngineHarness ResumingAfterADrop(ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        Assert.Equal("session-A-1", h.LastSent<JoinMessage>().ResumeSessionId);
        return h;
    }

    [Fact]
    public void Eviction_raises_EvictedError_and_rejoins_with_a_fresh_join_by_default()
    {
        var h = ResumingAfterADrop();
        var before = h.Checkpoint;

        h.ServerSends(Evicted);

        Assert.Equal(new EvictedError("network-disconnect", true), Assert.Single(h.Errors<ReconnectError>(before)));
        Assert.Null(Assert.Single(h.Sent<JoinMessage>(before)).ResumeSessionId);
        Assert.Equal((LocalPeerState.Reconnecting, LocalPeerState.Joining), h.LocalChanges(before).Select(c => (c.From, c.To)).Single());
        Assert.Null(h.Snapshot.SessionId);
        Assert.Contains(CoverageMarks.Evicted, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Rejoin_after_eviction_gets_a_new_session_and_rebuilds_every_connection()
    {
        var h = ResumingAfterADrop();
        var bob = h.Remote("B");
        h.ServerSends(Evicted);

        h.Welcome();
        h.AnswerRoster([EngineHarness.Peer("B")]);

        Assert.Equal("session-A-2", h.Snapshot.SessionId);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Equal((bob.Ref, 2), (h.Remote("B").Ref, h.Remote("B").Generation));
        Assert.Empty(h.All<PeerLeftNotice>());
    }

    [Fact]
    public void Eviction_with_OnEvicted_Stop_closes_the_local_peer()
    {
        var h = ResumingAfterADrop(new ReconnectOptions { OnEvicted = EvictionBehaviour.Stop });
        var before = h.Checkpoint;

        h.ServerSends(Evicted);
        h.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(new EvictedError("network-disconnect", false), Assert.Single(h.Errors<ReconnectError>(before)));
        Assert.Equal(LocalPeerState.Closed, h.Snapshot.Local);
        Assert.Empty(h.Since<FetchToken>(before));
        Assert.Empty(h.Sent<JoinMessage>(before));
    }

    [Fact]
    public void Eviction_while_the_socket_is_open_reconnects_with_a_fresh_join()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var epoch = h.Snapshot.Epoch;

        h.ServerSends(Evicted);
        Assert.Equal(new CloseSocket(epoch, CloseCodes.Normal, "rejoining after eviction"), Assert.Single(h.All<CloseSocket>()));
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Null(h.LastSent<JoinMessage>().ResumeSessionId);
        Assert.Equal("session-A-2", h.Snapshot.SessionId);
        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined, LocalPeerState.Joining, LocalPeerState.Joined], h.LocalChanges().Select(c => c.To));
    }

    [Fact]
    public void Eviction_during_the_first_join_with_OnEvicted_Stop_closes_the_local_peer()
    {
        var h = new EngineHarness(new ReconnectOptions { OnEvicted = EvictionBehaviour.Stop });
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();

        h.ServerSends(new EvictedMessage("kicked"));

        Assert.Equal(new EvictedError("kicked", false), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Closed], h.LocalChanges().Select(c => c.To));
    }

    [Fact]
    public void Eviction_during_the_first_join_sends_a_fresh_join_and_stays_joining()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();

        h.ServerSends(Evicted);
        h.Welcome();
        h.AnswerRoster([]);

        Assert.Equal(2, h.Sent<JoinMessage>().Count(j => j.ResumeSessionId is null));
        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined], h.LocalChanges().Select(c => c.To));
    }

    [Fact]
    public void Eviction_rejoin_spends_no_attempt_even_with_a_budget_of_one_and_chains_its_state_notices()
    {
        var h = new EngineHarness(new ReconnectOptions { Backoff = new SocketBackoffOptions { MaxAttempts = 1 } })
            .Join("A", "room", EngineHarness.Peer("B"));

        h.ServerSends(Evicted);
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(
            [(LocalPeerState.Joined, LocalPeerState.Joining), (LocalPeerState.Joining, LocalPeerState.Joined)],
            h.LocalChanges().Skip(2).Select(c => (c.From, c.To)));
        Assert.Equal([typeof(EvictedError)], h.Errors<ReconnectError>().Select(e => e.GetType()));
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Contains("LocalPeer: Joining ignores SignallingLost", h.Engine.Coverage.Keys);
        Assert.DoesNotContain(h.All<InputIgnoredNotice>(), n => n.Input.StartsWith("LocalPeer", StringComparison.Ordinal));
    }

    [Fact]
    public void Eviction_while_joined_with_OnEvicted_Stop_closes_the_local_peer()
    {
        var h = new EngineHarness(new ReconnectOptions { OnEvicted = EvictionBehaviour.Stop }).Join("A", "room", EngineHarness.Peer("B"));

        h.ServerSends(Evicted);

        Assert.Equal(new EvictedError("network-disconnect", false), Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal((LocalPeerState.Joined, LocalPeerState.Closed), (h.Last<LocalStateChangedNotice>().From, h.Last<LocalStateChangedNotice>().To));
    }
}
