using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Policies;

/// <summary>The relayed signal rule alone: a signal against its sender as the engine knows it, as ordered decisions.</summary>
public sealed class RelayedSignalPolicyTests
{
    private static readonly SignalSender Live = new(RemotePeerState.Connected, 3);

    private static List<SignalDecision> Decide(SignalPayload payload, SignalSender? sender, string from = "B") =>
        [.. RelayedSignalPolicy.Decide(from, payload, "A", sender)];

    private static OfferSignal Offer(int generation, int sequence = 0) => new(generation, "sdp", false, sequence);

    [Fact]
    public void Protocol_violations_are_dropped_before_anything_else_even_from_an_unknown_peer()
    {
        Assert.Equal([new SignalViolation("a signal from the local peer itself")], Decide(Offer(3), Live, from: "A"));
        Assert.Equal([new SignalViolation("a signal from 'B' with generation 0")], Decide(Offer(0), null));
        Assert.Equal([new SignalViolation("a signal from 'B' with a negative offer sequence")], Decide(Offer(3, -1), Live));
        Assert.Equal([new SignalViolation("a signal from 'B' with a negative offer sequence")], Decide(new AnswerSignal(3, "sdp", -1), Live));
    }

    [Fact]
    public void A_signal_from_an_unknown_peer_is_held()
    {
        Assert.Equal([new HoldSignal()], Decide(Offer(1), null));
    }

    [Fact]
    public void A_signal_for_a_closed_connection_is_ignored_whatever_its_generation()
    {
        Assert.Equal(
            [new SignalIgnored("OfferSignal from B", "the peer's connection is closed")],
            Decide(Offer(9), new SignalSender(RemotePeerState.Closed, 3)));
    }

    [Fact]
    public void Signals_on_the_live_generation_are_delivered_by_kind()
    {
        var answer = new AnswerSignal(3, "sdp", 1);
        var candidate = new CandidateSignal(3, new IceCandidate("candidate"));
        Assert.Equal([new DeliverOffer(Offer(3))], Decide(Offer(3), Live));
        Assert.Equal([new DeliverAnswer(answer)], Decide(answer, Live));
        Assert.Equal([new DeliverCandidate(candidate)], Decide(candidate, Live));
    }

    [Fact]
    public void A_higher_generation_offer_rebuilds_then_is_delivered_on_the_rebuilt_connection()
    {
        Assert.Equal([new RebuildForRemoteOffer(5), new DeliverOffer(Offer(5))], Decide(Offer(5), Live));
    }

    [Fact]
    public void Other_signals_off_the_live_generation_are_stale_and_an_older_offer_also_tells_the_negotiation()
    {
        Assert.Equal(
            [new StaleSignal("OfferSignal from B generation 2", "stale generation (live is 3)"), new StaleOfferSeen()],
            Decide(Offer(2), Live));
        Assert.Equal(
            [new StaleSignal("AnswerSignal from B generation 4", "stale generation (live is 3)")],
            Decide(new AnswerSignal(4, "sdp", 0), Live));
        Assert.Equal(
            [new StaleSignal("CandidateSignal from B generation 2", "stale generation (live is 3)")],
            Decide(new CandidateSignal(2, new IceCandidate("candidate")), Live));
    }
}
