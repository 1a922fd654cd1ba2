using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class UnknownPeerRuleTests
{
    private static readonly IceCandidate Candidate = new("candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0);

    [Fact]
    public void A_signal_from_an_unknown_peer_rereads_the_roster_and_the_missed_join_is_repaired()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room");
        var joined = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "offer from a peer C never heard of", false));
        var reread = Assert.Single(h.Sent<RosterRequestMessage>(joined));
        h.ServerSends(new RosterMessage(reread.RequestId, [EngineHarness.Peer("B")]));

        Assert.Equal("B", Assert.Single(h.All<PeerJoinedNotice>()).Peer.PeerId);
        Assert.Equal(0, h.Snapshot.HeldSignals);
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Offer, "offer from a peer C never heard of")), Assert.Single(h.All<SetRemoteDescription>()));
    }

    [Fact]
    public void Rereads_for_unknown_peers_come_at_most_once_a_second()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room");
        var joined = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "offer", false));
        h.Advance(TimeSpan.FromMilliseconds(999));
        h.Signal("B", new CandidateSignal(1, Candidate));
        h.Signal("D", new CandidateSignal(1, Candidate));
        Assert.Single(h.Sent<RosterRequestMessage>(joined));

        h.Advance(TimeSpan.FromMilliseconds(1));
        h.Signal("B", new CandidateSignal(1, Candidate));

        Assert.Equal(2, h.Sent<RosterRequestMessage>(joined).Count());
        Assert.Equal(4, h.Snapshot.HeldSignals);
    }

    [Fact]
    public void No_reread_while_a_reconcile_round_is_waiting_for_its_roster()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket);
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();
        h.Welcome();
        var welcomed = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "offer", false));

        Assert.Empty(h.Sent<RosterRequestMessage>(welcomed));
        Assert.Equal(1, h.Snapshot.HeldSignals);
    }

    [Fact]
    public void A_reread_that_does_not_list_the_peer_leaves_its_signals_held_until_they_expire()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("C", "room");
        var joined = h.Checkpoint;
        h.Signal("B", new OfferSignal(1, "offer", false));

        h.ServerSends(new RosterMessage(h.Sent<RosterRequestMessage>(joined).Single().RequestId, []));
        h.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(h.All<PeerJoinedNotice>());
        Assert.Equal(0, h.Snapshot.HeldSignals);
        Assert.Equal("held for an unknown peer until it expired", h.Last<InputIgnoredNotice>().Reason);
    }
}
