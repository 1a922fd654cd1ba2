using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class PerfectNegotiationRuleTests
{
    private static readonly IceCandidate Candidate = new("candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0);

    [Fact]
    public void Local_side_is_polite_towards_remotes_whose_id_sorts_lower_and_offers_first_to_the_others()
    {
        var h = new EngineHarness().Join("B", "room", EngineHarness.Peer("A"), EngineHarness.Peer("C"));

        Assert.Equal([("A", true), ("C", false)], h.All<CreateConnection>().Select(c => (c.RemotePeerId, c.Polite)));
        Assert.Equal(new CreateOffer("C", 1), Assert.Single(h.All<CreateOffer>()));
    }

    [Fact]
    public void Local_offer_is_relayed_and_the_answer_applied()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.LocalDescription("B", 1, SdpType.Offer, "o1");
        h.Signal("B", new AnswerSignal(1, "a1"));
        h.Feed(new LocalCandidateGathered("B", 1, Candidate));
        h.Signal("B", new CandidateSignal(1, Candidate));

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "o1", false, 1)), h.Sent<RelaySignalMessage>().First());
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Answer, "a1")), Assert.Single(h.All<SetRemoteDescription>()));
        Assert.Equal(new RelaySignalMessage("B", new CandidateSignal(1, Candidate)), h.LastSent<RelaySignalMessage>());
        Assert.Equal(new AddIceCandidate("B", 1, Candidate), Assert.Single(h.All<AddIceCandidate>()));
    }

    [Fact]
    public void Impolite_side_ignores_a_colliding_offer()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.LocalDescription("B", 1, SdpType.Offer, "o1");

        h.Signal("B", new OfferSignal(1, "their offer", false));

        Assert.Empty(h.All<SetRemoteDescription>());
        Assert.Empty(h.All<CreateAnswer>());
        Assert.Contains(CoverageMarks.GlareImpoliteIgnores, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Polite_side_yields_to_a_colliding_offer_and_answers_it()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta())));
        Assert.Equal(new CreateOffer("B", 1), Assert.Single(h.All<CreateOffer>()));

        h.Signal("B", new OfferSignal(1, "their offer", false));
        h.LocalDescription("B", 1, SdpType.Offer, "abandoned");
        h.LocalDescription("B", 1, SdpType.Answer, "my answer");

        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Offer, "their offer")), Assert.Single(h.All<SetRemoteDescription>()));
        Assert.Equal(new CreateAnswer("B", 1), Assert.Single(h.All<CreateAnswer>()));
        Assert.Equal(new RelaySignalMessage("B", new AnswerSignal(1, "my answer")), Assert.Single(h.Sent<RelaySignalMessage>()));
        Assert.Contains(CoverageMarks.GlarePoliteYields, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Offers_answers_and_candidates_of_an_older_generation_are_dropped()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));
        Assert.Equal(2, h.Remote("B").Generation);
        var before = h.Describe();
        var rebuilt = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "old offer", false));
        h.Signal("B", new AnswerSignal(1, "old answer"));
        h.Signal("B", new CandidateSignal(1, Candidate));
        h.LocalDescription("B", 1, SdpType.Answer, "old");
        h.Feed(new IceStateChanged("B", 1, IceConnectionState.Connected));

        Assert.Equal(before, h.Describe());
        Assert.Equal(5, h.Since<InputIgnoredNotice>(rebuilt).Count());
        Assert.Empty(h.Since<EngineEffect>(rebuilt));
        Assert.Contains(CoverageMarks.SignalStale, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void An_offer_of_an_older_generation_after_our_rebuild_offer_went_out_makes_us_offer_again_on_the_live_one()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B"));
        h.LocalDescription("B", 2, SdpType.Offer, "rebuild offer");
        var before = h.Checkpoint;

        h.Signal("B", new OfferSignal(1, "restart on the old connection", true));

        Assert.Equal(new CreateOffer("B", 2), Assert.Single(h.Since<CreateOffer>(before)));
        Assert.Empty(h.Since<SetRemoteDescription>(before));
        Assert.Contains(CoverageMarks.StaleOfferReoffered, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Offer_of_a_higher_generation_rebuilds_the_connection_and_is_answered()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        var bob = h.Remote("B");
        var before = h.Checkpoint;

        h.Signal("B", new OfferSignal(3, "rebuilt", false));

        Assert.Equal(3, h.Remote("B").Generation);
        Assert.Equal(new CloseConnection("B", 1), Assert.Single(h.Since<CloseConnection>(before)));
        Assert.Equal(3, Assert.Single(h.Since<CreateConnection>(before)).Generation);
        Assert.Equal(new DataChannelsResetNotice("B", bob.Ref, 3), Assert.Single(h.Since<DataChannelsResetNotice>(before)));
        Assert.Equal(new SetRemoteDescription("B", 3, new SessionDescription(SdpType.Offer, "rebuilt")), Assert.Single(h.Since<SetRemoteDescription>(before)));
        Assert.Equal(new CreateAnswer("B", 3), Assert.Single(h.Since<CreateAnswer>(before)));
        Assert.Empty(h.Since<CreateOffer>(before));
        Assert.Equal(bob.Ref, h.Remote("B").Ref);
        Assert.Contains(CoverageMarks.RemoteRebuild, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Answer_without_a_pending_local_offer_is_ignored()
    {
        var h = new EngineHarness().Join("C", "room", EngineHarness.Peer("B"));
        var before = h.Checkpoint;

        h.Signal("B", new AnswerSignal(1, "unasked"));

        Assert.Empty(h.Since<SetRemoteDescription>(before));
        Assert.Single(h.Since<InputIgnoredNotice>(before));
    }

    [Fact]
    public void Signals_from_a_peer_not_yet_in_the_roster_are_held_and_delivered_when_it_appears()
    {
        var h = new EngineHarness().Join("C", "room");
        h.Signal("B", new OfferSignal(1, "early offer", false));
        h.Signal("B", new CandidateSignal(1, Candidate));
        Assert.Equal(2, h.Snapshot.HeldSignals);

        h.Advance(TimeSpan.FromSeconds(4.999));
        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("B")));

        Assert.Equal(0, h.Snapshot.HeldSignals);
        Assert.Equal(new SetRemoteDescription("B", 1, new SessionDescription(SdpType.Offer, "early offer")), Assert.Single(h.All<SetRemoteDescription>()));
        Assert.Equal(new AddIceCandidate("B", 1, Candidate), Assert.Single(h.All<AddIceCandidate>()));
        Assert.False(h.IsArmed(TimerKind.PendingSignalExpiry));
        Assert.Contains(CoverageMarks.SignalReleased, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void Held_signals_are_dropped_after_5_s()
    {
        var h = new EngineHarness().Join("C", "room");
        h.Signal("B", new OfferSignal(1, "early offer", false));
        h.Advance(TimeSpan.FromSeconds(2));
        h.Signal("D", new CandidateSignal(1, Candidate));

        h.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(1, h.Snapshot.HeldSignals);
        h.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, h.Snapshot.HeldSignals);
        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("B")));
        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("D")));

        Assert.Empty(h.All<SetRemoteDescription>());
        Assert.Empty(h.All<AddIceCandidate>());
        Assert.Equal(2, h.All<InputIgnoredNotice>().Count(i => i.Reason == "held for an unknown peer until it expired"));
    }

    [Fact]
    public void Hold_buffer_is_bounded()
    {
        var h = new EngineHarness(new ReconnectOptions { PendingSignalCapacity = 2 }).Join("C", "room");

        for (var i = 0; i < 3; i++)
        {
            h.Signal("B", new CandidateSignal(1, Candidate));
        }

        Assert.Equal(2, h.Snapshot.HeldSignals);
        Assert.Equal("unknown peer and the hold buffer is full", h.Last<InputIgnoredNotice>().Reason);
    }
}
