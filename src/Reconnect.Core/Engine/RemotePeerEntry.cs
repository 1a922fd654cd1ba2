using Reconnect.Core.Machines;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Engine;

/// <summary>A remote stream bound to one connection generation, with the media port's handle to it.</summary>
internal sealed record BoundStream(long StreamRef, int Generation, object? Media);

/// <summary>The engine's record of one remote peer: the identity that outlives its connections.</summary>
internal sealed class RemotePeerEntry(
    string id,
    long reference,
    RosterEntry roster,
    bool polite,
    MachineTables tables)
{
    private MachineRunner<RemotePeerPhase, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext>? _machine;
    private MachineRunner<NegotiationState, NegotiationTrigger, NegotiationEffect, NegotiationContext>? _negotiation;

    public string Id { get; } = id;

    public long Ref { get; } = reference;

    public bool Polite { get; } = polite;

    public RosterEntry Roster { get; set; } = roster;

    /// <summary>The roster version of the newest fact applied about the peer (its join, an update, a snapshot); 0 when unversioned.</summary>
    public long Version { get; set; }

    /// <summary>Where the peer's machine stands, ladder phases included.</summary>
    public RemotePeerPhase Phase { get; private set; } = RemotePeerPhase.Idle;

    /// <summary>The state the application sees.</summary>
    public RemotePeerState State => Phase.ToState();

    /// <summary>The peer's Stateless machine, which reads and writes <see cref="Phase"/>; configured on its first trigger.</summary>
    public MachineRunner<RemotePeerPhase, RemotePeerTrigger, RemotePeerEffect, RemotePeerContext> Machine =>
        _machine ??= tables.RemotePeer.Attach(() => Phase, s => Phase = s);

    /// <summary>The live connection's generation; 0 before the first.</summary>
    public int Generation { get; set; }

    public bool HasConnection { get; set; }

    /// <summary>The socket epoch the live connection was built under; a reconcile only rebuilds connections from an older one.</summary>
    public long ConnectionEpoch { get; set; }

    /// <summary>Where the live connection's offer/answer exchange stands; a new generation starts it over.</summary>
    public NegotiationState NegotiationState { get; set; } = NegotiationState.Stable;

    /// <summary>The live connection's perfect negotiation machine, which reads and writes <see cref="NegotiationState"/>; configured on its first trigger.</summary>
    public MachineRunner<NegotiationState, NegotiationTrigger, NegotiationEffect, NegotiationContext> Negotiation =>
        _negotiation ??= tables.Negotiation.Attach(() => NegotiationState, s => NegotiationState = s);

    /// <summary>The sequence of the newest offer sent on the live generation; 0 before the first.</summary>
    public int OfferSequence { get; set; }

    /// <summary>The sequence of the newest remote offer accepted on the live generation, echoed by the answer to it.</summary>
    public int RemoteOfferSequence { get; set; }

    /// <summary>Answers asked of the media connection and not yet created; only the one to the newest offer is sent.</summary>
    public int AnswersAwaited { get; set; }

    /// <summary>A local change waits for an offer until the exchange under way is over.</summary>
    public bool NegotiationNeeded { get; set; }

    /// <summary>ICE was restarted on the live connection and no offer has gone out since: the next one is flagged as a restart.</summary>
    public bool IceRestartAsked { get; set; }

    /// <summary>
    /// The polite side has had an offer answered on the live generation, as far as the local side knows: set when the
    /// polite side applies an answer, and when the impolite side accepts a remote offer (see <c>NegotiationMachine</c>).
    /// </summary>
    public bool PoliteOffered { get; set; }

    /// <summary>The local side applied an answer to one of its offers on the live generation.</summary>
    public bool OwnOfferAnswered { get; set; }

    /// <summary>The local side accepted a remote offer on the live generation (it has answered, or is answering).</summary>
    public bool RemoteOfferTaken { get; set; }

    /// <summary>The offer sent last on the live generation restarts ICE and no answer to an offer was applied since.</summary>
    public bool SentOfferRestartsIce { get; set; }

    /// <summary>The ladder attempt under way in this episode; 0 when no ladder runs.</summary>
    public int LadderAttempt { get; set; }

    /// <summary>The ladder attempt that is due: made on entering <see cref="RemotePeerPhase.Attempting"/>, held in <see cref="RemotePeerPhase.Deferred"/>.</summary>
    public int DueAttempt { get; set; }

    /// <summary>The escalation step under way; null when the peer is not escalating.</summary>
    public EscalationStepKind? EscalationStep { get; set; }

    /// <summary>The escalation rounds run (their ladder spent) since the media last healed; 0 when none.</summary>
    public int EscalationRound { get; set; }

    public SortedDictionary<string, BoundStream> Streams { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> SeenStreamIds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Streams the live connection carries that the roster does not announce (yet), with the media port's handle to
    /// each; a rebuild forgets them.
    /// </summary>
    public SortedDictionary<string, object?> Unannounced { get; } = new(StringComparer.Ordinal);

    /// <summary>The server lost the peer's session; the engine waits a bounded time for its rejoin.</summary>
    public bool AwaitingRejoin { get; set; }

    /// <summary>The live connection's ICE said connected (or completed) last; a new connection starts without.</summary>
    public bool IceConnected { get; set; }

    /// <summary>
    /// What started the ladder while ICE said connected (a media verb's failure, or an address change), so no ICE state
    /// will tell the heal and an exchange completed on the connection does; null when ICE tells it. The episode's end
    /// clears it.
    /// </summary>
    public NegotiatedHeal? HealsByNegotiation { get; set; }

    /// <summary>The frozen-media watchdog's memory of the live connection's inbound counts; null while not watching.</summary>
    public MediaFlowMark? Flow { get; set; }

    /// <summary>The counts the live connection's media froze at, while the ladder the freeze started runs; null otherwise.</summary>
    public MediaFlowMark? FrozenFlow { get; set; }

    /// <summary>Starts the negotiation over for a new connection generation: stable, nothing pending, no offer answered yet, offers numbered from 1 again.</summary>
    public void ResetNegotiation()
    {
        NegotiationState = NegotiationState.Stable;
        NegotiationNeeded = false;
        IceRestartAsked = false;
        PoliteOffered = false;
        OwnOfferAnswered = false;
        RemoteOfferTaken = false;
        SentOfferRestartsIce = false;
        OfferSequence = 0;
        RemoteOfferSequence = 0;
        AnswersAwaited = 0;
    }
}
