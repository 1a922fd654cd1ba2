using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class BadInputRuleTests
{
    private static EngineHarness Joined()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        h.MediaConnected("B");
        return h;
    }

    /// <summary>Feeds an input and asserts it changed nothing the snapshot shows and produced exactly one output of type T.</summary>
    private static T FeedChangesNothing<T>(EngineHarness h, EngineInput input)
        where T : EngineOutput
    {
        var before = h.Describe();

        var output = h.Feed(input);

        Assert.Equal(before, h.Describe());
        return Assert.IsType<T>(Assert.Single(output));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"no-such-message\"}")]
    [InlineData("{\"type\":\"roster\"}")]
    [InlineData("{\"type\":\"welcome\",\"peerId\":null,\"sessionId\":\"s\",\"resumed\":false}")]
    public void Malformed_frame_raises_MalformedMessage_and_changes_nothing(string frame)
    {
        var h = Joined();

        var raised = FeedChangesNothing<ErrorRaisedNotice>(h, new FrameReceived(h.Snapshot.Epoch, frame));

        Assert.IsType<MalformedMessage>(raised.Error);
    }

    [Fact]
    public void Message_about_an_unknown_peer_is_ignored()
    {
        var h = Joined();

        FeedChangesNothing<InputIgnoredNotice>(h, Frame(h, new PeerLeftMessage("Z", "session-Z", "left")));
        FeedChangesNothing<InputIgnoredNotice>(h, Frame(h, new PeerUpdatedMessage(EngineHarness.Peer("Z"))));
        FeedChangesNothing<InputIgnoredNotice>(h, Frame(h, new PeerLeftMessage("B", "another-session", "left")));
        FeedChangesNothing<InputIgnoredNotice>(h, new IceStateChanged("Z", 1, IceConnectionState.Failed));
        FeedChangesNothing<InputIgnoredNotice>(h, new RemoteStreamArrived("Z", 1, "cam"));
        FeedChangesNothing<InputIgnoredNotice>(h, new LocalDescriptionCreated("Z", 1, new SessionDescription(SdpType.Offer, "o")));
    }

    [Fact]
    public void Duplicate_roster_entries_raise_ProtocolViolation_and_keep_the_first()
    {
        var h = new EngineHarness();

        h.Join("A", "room", EngineHarness.Peer("B", metadata: EngineHarness.Meta(("n", "first"))), EngineHarness.Peer("B", metadata: EngineHarness.Meta(("n", "second"))));

        Assert.IsType<ProtocolViolation>(Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal("first", Assert.Single(h.Snapshot.Remotes).Metadata["n"]);
        Assert.Single(h.All<PeerJoinedNotice>());
    }

    [Fact]
    public void Roster_or_peer_joined_naming_the_local_peer_is_a_ProtocolViolation()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("A"), EngineHarness.Peer("B"));

        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("A")));

        Assert.Equal(2, h.Errors<ProtocolViolation>().Count());
        Assert.Equal(["B"], h.Snapshot.Remotes.Select(r => r.Id));
    }

    [Fact]
    public void Signal_from_oneself_or_with_a_generation_below_1_is_a_ProtocolViolation()
    {
        var h = Joined();

        Assert.IsType<ProtocolViolation>(FeedChangesNothing<ErrorRaisedNotice>(h, Frame(h, new SignalRelayedMessage("A", new OfferSignal(1, "o", false)))).Error);
        Assert.IsType<ProtocolViolation>(FeedChangesNothing<ErrorRaisedNotice>(h, Frame(h, new SignalRelayedMessage("B", new CandidateSignal(0, new IceCandidate("c"))))).Error);
    }

    [Fact]
    public void Offer_or_answer_with_a_negative_offer_sequence_is_a_ProtocolViolation()
    {
        var h = Joined();

        Assert.IsType<ProtocolViolation>(FeedChangesNothing<ErrorRaisedNotice>(h, Frame(h, new SignalRelayedMessage("B", new OfferSignal(1, "o", false, -1)))).Error);
        Assert.IsType<ProtocolViolation>(FeedChangesNothing<ErrorRaisedNotice>(h, Frame(h, new SignalRelayedMessage("B", new AnswerSignal(1, "a", -2)))).Error);
    }

    [Fact]
    public void Answer_for_an_old_generation_is_ignored()
    {
        var h = Joined();
        h.Signal("B", new OfferSignal(2, "rebuilt", false));

        FeedChangesNothing<InputIgnoredNotice>(h, Frame(h, new SignalRelayedMessage("B", new AnswerSignal(1, "old"))));
        FeedChangesNothing<InputIgnoredNotice>(h, new LocalDescriptionCreated("B", 1, new SessionDescription(SdpType.Answer, "old")));
    }

    [Fact]
    public void Timer_with_a_cancelled_id_is_ignored()
    {
        var h = Joined();
        var cancelled = h.All<CancelTimer>().Select(c => c.Timer).ToList();
        Assert.NotEmpty(cancelled);

        foreach (var timer in cancelled)
        {
            FeedChangesNothing<InputIgnoredNotice>(h, new TimerFired(timer));
        }
    }

    [Fact]
    public void Socket_inputs_for_a_stale_epoch_are_ignored()
    {
        var h = Joined();
        h.DropSocket();
        h.Reconnect(EngineHarness.Peer("B", streams: "cam"));
        var stale = h.Snapshot.Epoch - 1;

        FeedChangesNothing<InputIgnoredNotice>(h, new SocketClosed(stale, 1006, "late"));
        FeedChangesNothing<InputIgnoredNotice>(h, new SocketOpened(stale));
        FeedChangesNothing<InputIgnoredNotice>(h, new FrameReceived(stale, ProtocolCodec.Encode(new EvictedMessage("late"))));
        FeedChangesNothing<InputIgnoredNotice>(h, new SocketOpened(h.Snapshot.Epoch));
    }

    [Fact]
    public void Token_answer_for_a_stale_attempt_is_ignored()
    {
        var h = Joined();
        h.DropSocket();
        var fetch = h.AwaitAttempt();

        FeedChangesNothing<InputIgnoredNotice>(h, new TokenFetched(fetch.Attempt - 1, "old", EngineHarness.DefaultIce));
        FeedChangesNothing<InputIgnoredNotice>(h, new TokenFetchFailed(fetch.Attempt - 1, "old"));
        FeedChangesNothing<InputIgnoredNotice>(h, new TokenFetchFailed(fetch.Attempt + 1, "future"));
    }

    [Fact]
    public void Welcome_for_another_peer_is_a_ProtocolViolation_and_a_welcome_when_not_connecting_is_ignored()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();

        Assert.IsType<ProtocolViolation>(FeedChangesNothing<ErrorRaisedNotice>(h, Frame(h, new WelcomeMessage("Z", "s", false))).Error);
        Assert.IsType<ProtocolViolation>(FeedChangesNothing<ErrorRaisedNotice>(h, Frame(h, new WelcomeMessage("A", "", false))).Error);
        FeedChangesNothing<InputIgnoredNotice>(h, Frame(h, new RosterMessage(1, [])));

        h.Welcome();
        h.AnswerRoster([]);
        FeedChangesNothing<InputIgnoredNotice>(h, Frame(h, new WelcomeMessage("A", "s", false)));
    }

    private static FrameReceived Frame(EngineHarness h, ServerMessage message) => new(h.Snapshot.Epoch, ProtocolCodec.Encode(message));
}
