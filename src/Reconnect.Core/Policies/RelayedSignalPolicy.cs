using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Policies;

/// <summary>The remote peer a relayed signal comes from, as the signal rule sees it.</summary>
/// <param name="State">Its remote peer state.</param>
/// <param name="Generation">The generation of its live connection.</param>
internal readonly record struct SignalSender(RemotePeerState State, int Generation);

/// <summary>One decision about a relayed signal, applied by the engine in order.</summary>
internal abstract record SignalDecision;

/// <summary>The signal breaks the protocol and is dropped.</summary>
internal sealed record SignalViolation(string Message) : SignalDecision;

/// <summary>The signal comes from a peer not known yet: it is held until the peer appears or the hold expires.</summary>
internal sealed record HoldSignal : SignalDecision;

/// <summary>The signal does not apply and is dropped, with the reason.</summary>
internal sealed record SignalIgnored(string Input, string Reason) : SignalDecision;

/// <summary>The signal is for an older connection than the live one, and is dropped with the reason.</summary>
internal sealed record StaleSignal(string Input, string Reason) : SignalDecision;

/// <summary>An offer of a higher generation: the remote peer rebuilt its connection, so the local side rebuilds to that generation.</summary>
internal sealed record RebuildForRemoteOffer(int Generation) : SignalDecision;

/// <summary>An offer on an older generation than the live one: the negotiation is told, so the side that should offer again on the live one does.</summary>
internal sealed record StaleOfferSeen : SignalDecision;

/// <summary>An offer on the live generation goes to the negotiation.</summary>
internal sealed record DeliverOffer(OfferSignal Offer) : SignalDecision;

/// <summary>An answer on the live generation goes to the negotiation.</summary>
internal sealed record DeliverAnswer(AnswerSignal Answer) : SignalDecision;

/// <summary>A candidate on the live generation is added to the connection.</summary>
internal sealed record DeliverCandidate(CandidateSignal Candidate) : SignalDecision;

/// <summary>
/// What becomes of a signal the server relayed: a protocol violation (from the local peer itself, a generation below 1,
/// a negative offer sequence) is dropped; a signal from an unknown peer is held; one for a closed connection or an older
/// generation is dropped (an older offer still tells the negotiation); a higher-generation offer rebuilds first; the
/// rest is delivered. Pure: the sender as the engine knows it is an input.
/// </summary>
internal static class RelayedSignalPolicy
{
    public static IReadOnlyList<SignalDecision> Decide(string from, SignalPayload payload, string localPeerId, SignalSender? sender)
    {
        if (Violation(from, payload, localPeerId) is { } violation)
        {
            return [new SignalViolation(violation)];
        }

        if (sender is not { } peer)
        {
            return [new HoldSignal()];
        }

        var kind = payload.GetType().Name;
        if (peer.State == RemotePeerState.Closed)
        {
            return [new SignalIgnored($"{kind} from {from}", "the peer's connection is closed")];
        }

        var decisions = new List<SignalDecision>();
        var live = peer.Generation;
        if (payload is OfferSignal && payload.Generation > live)
        {
            decisions.Add(new RebuildForRemoteOffer(payload.Generation));
            live = payload.Generation;
        }

        if (payload.Generation != live)
        {
            decisions.Add(new StaleSignal($"{kind} from {from} generation {payload.Generation}", $"stale generation (live is {live})"));
            if (payload is OfferSignal)
            {
                decisions.Add(new StaleOfferSeen());
            }

            return decisions;
        }

        decisions.Add(payload switch
        {
            OfferSignal offer => new DeliverOffer(offer),
            AnswerSignal answer => new DeliverAnswer(answer),
            CandidateSignal candidate => new DeliverCandidate(candidate),
            _ => new SignalIgnored(kind, "unknown signal kind"),
        });
        return decisions;
    }

    /// <summary>Why the signal breaks the protocol, or null when it does not.</summary>
    private static string? Violation(string from, SignalPayload payload, string localPeerId)
    {
        if (from == localPeerId)
        {
            return "a signal from the local peer itself";
        }

        if (payload.Generation < 1)
        {
            return $"a signal from '{from}' with generation {payload.Generation}";
        }

        return payload is OfferSignal { OfferSequence: < 0 } or AnswerSignal { OfferSequence: < 0 }
            ? $"a signal from '{from}' with a negative offer sequence"
            : null;
    }
}
