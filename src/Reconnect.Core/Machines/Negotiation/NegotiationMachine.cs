using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Machines.Negotiation;

/// <summary>
/// Where one media connection's offer/answer exchange stands: the W3C signaling state (stable, have-local-offer,
/// have-remote-offer) crossed with perfect negotiation's making-offer flag (an offer asked of the media layer and not
/// created yet).
/// </summary>
internal enum NegotiationState
{
    /// <summary>No offer or answer under way.</summary>
    Stable,

    /// <summary>The media layer is creating a local offer; nothing is pending on the wire.</summary>
    MakingOffer,

    /// <summary>A local offer was sent and awaits its answer.</summary>
    HaveLocalOffer,

    /// <summary>A local offer awaits its answer and the media layer is creating a newer one (an ICE restart or a catch-up offer).</summary>
    HaveLocalOfferMakingOffer,

    /// <summary>A remote offer was applied and awaits the local answer.</summary>
    HaveRemoteOffer,

    /// <summary>Superstate of every state but <see cref="Stable"/>: an exchange is under way. Never stood in itself.</summary>
    Exchanging,

    /// <summary>
    /// Superstate of the states with a local offer being made or awaiting its answer, where a remote offer collides with
    /// it (glare). Never stood in itself.
    /// </summary>
    LocalOfferUnderWay,

    /// <summary>Superstate of the states in which the media layer is creating a local offer. Never stood in itself.</summary>
    CreatingOffer,
}

/// <summary>What happens to a connection's negotiation.</summary>
internal enum NegotiationTrigger
{
    /// <summary>The first connection to a newly found peer was built: one side offers first.</summary>
    ConnectionCreated,

    /// <summary>The local side rebuilt the connection (a reconcile swap, or the peer rejoined under a new session).</summary>
    RebuiltHere,

    /// <summary>The remote's offer of a newer generation rebuilt the connection.</summary>
    RebuiltByRemote,

    /// <summary>The ICE restart ladder runs an attempt: it needs a restart offer now.</summary>
    IceRestart,

    /// <summary>A local stream was added or removed: the connection needs negotiating.</summary>
    OfferNeeded,

    /// <summary>
    /// The remote offered on an older generation: it missed our rebuild and needs an offer on the live one. Signals are
    /// read only from an open, welcomed socket, so the offer can go out.
    /// </summary>
    StaleOfferSeen,

    /// <summary>The media layer created the local offer asked of it: it is applied if the exchange still wants it.</summary>
    LocalOfferCreated,

    /// <summary>The media layer created a local answer asked of it: it is applied if it answers the newest remote offer.</summary>
    LocalAnswerCreated,

    /// <summary>The media layer applied the local offer: it goes out on signalling.</summary>
    LocalOfferApplied,

    /// <summary>The media layer applied the local answer: it goes out on signalling.</summary>
    LocalAnswerApplied,

    /// <summary>A remote offer arrived on the live generation.</summary>
    RemoteOffer,

    /// <summary>A remote answer arrived on the live generation.</summary>
    RemoteAnswer,

    /// <summary>A media operation failed: the exchange under way is abandoned.</summary>
    MediaFailed,
}

/// <summary>What the engine does for a negotiation machine.</summary>
internal enum NegotiationEffect
{
    /// <summary>Ask the media layer for an offer (no ICE restart); the pending change is taken care of.</summary>
    CreateOffer,

    /// <summary>Ask the media layer for an ICE restart offer; the pending change is taken care of.</summary>
    CreateRestartOffer,

    /// <summary>Ask the media layer for an offer on the live generation for a remote that missed the rebuild.</summary>
    OfferAgainOnLiveGeneration,

    /// <summary>Remember that the connection needs negotiating once the exchange under way is over.</summary>
    NoteNegotiationNeeded,

    /// <summary>
    /// Restart ICE now (W3C restartIce(), valid in any signaling state) and make its offer once a remote offer is
    /// answered: the one under way (no offer can be created in have-remote-offer), or the polite side's first offer the
    /// impolite side waits for.
    /// </summary>
    RestartIceAfterAnswer,

    /// <summary>Apply the local description just created (SetLocalDescription).</summary>
    ApplyLocalDescription,

    /// <summary>Number the applied offer (the next sequence of the generation) and relay it.</summary>
    SendOffer,

    /// <summary>One answer asked of the media layer arrived: count it off.</summary>
    CountAnswer,

    /// <summary>Relay the applied answer, echoing the sequence of the remote offer it answers.</summary>
    SendAnswer,

    /// <summary>Report the created or applied answer as superseded: a newer remote offer awaits its own.</summary>
    DropSupersededAnswer,

    /// <summary>The polite side drops the offer it was making or had sent, to answer the remote one.</summary>
    YieldOwnOffer,

    /// <summary>The impolite side keeps its own offer: report the colliding remote offer as ignored.</summary>
    KeepOwnOffer,

    /// <summary>
    /// The polite side, having only answered on the connection, keeps its own offer (a rollback would lose its remote video
    /// for good): report the colliding remote offer as ignored; the impolite side yields to the offer, which says so.
    /// </summary>
    KeepOfferHavingOnlyAnswered,

    /// <summary>
    /// The impolite side yields to an offer from a side that has only answered: its own offer is made again once it has
    /// answered, restarting ICE again if the offer it dropped restarted ICE.
    /// </summary>
    YieldToOnlyAnswered,

    /// <summary>Apply the remote offer, remember its sequence, and ask the media layer for an answer.</summary>
    AcceptRemoteOffer,

    /// <summary>Apply the remote answer.</summary>
    ApplyRemoteAnswer,

    /// <summary>Report the remote answer as stale: it answers a superseded offer.</summary>
    DropStaleAnswer,

    /// <summary>Forget the answers asked of the media layer.</summary>
    ForgetAnswersAwaited,
}

/// <summary>What a negotiation machine's guards read.</summary>
/// <param name="Polite">The local side yields in glare (see <c>NegotiationRoles</c>).</param>
/// <param name="SignallingUp">The signalling socket is open and alive, so an offer can go out.</param>
/// <param name="NegotiationNeeded">A local change waits for an offer.</param>
/// <param name="AnswersPendingOffer">The remote answer answers the offer pending now (see <c>OfferSequencing</c>).</param>
/// <param name="NewerOfferAwaited">A newer remote offer awaits its answer beyond the one just created (see <c>OfferSequencing</c>).</param>
/// <param name="PoliteOffered">
/// The polite side has made an offer on the live generation that was answered, as far as the local side knows: polite,
/// it applied the answer to one of its offers; impolite, it accepted an offer of the remote's.
/// </param>
/// <param name="OwnOfferAnswered">The local side applied an answer to one of its offers on the live generation.</param>
/// <param name="RemoteOfferTaken">The local side accepted a remote offer on the live generation.</param>
/// <param name="RemoteOnlyAnswered">The remote offer fired with says its sender has only answered on the live generation.</param>
internal readonly record struct NegotiationContext(
    bool Polite,
    bool SignallingUp,
    bool NegotiationNeeded,
    bool AnswersPendingOffer,
    bool NewerOfferAwaited,
    bool PoliteOffered,
    bool OwnOfferAnswered,
    bool RemoteOfferTaken,
    bool RemoteOnlyAnswered)
{
    /// <summary>
    /// The local side may offer now: always when polite; when impolite, unless the polite side answered one of its offers
    /// and owes its own first offer (an impolite side none of whose offers was answered is still opening the connection;
    /// the offer again on a live generation goes out regardless).
    /// </summary>
    public bool MayOffer => Polite || PoliteOffered || !OwnOfferAnswered;

    /// <summary>The local side may offer once the answer to its pending offer is applied: polite, or the polite side has offered.</summary>
    public bool MayOfferOnceAnswered => Polite || PoliteOffered;

    /// <summary>The polite side has had none of its offers answered on the live generation: it owes one offer of its own.</summary>
    public bool OwesFirstOffer => Polite && !PoliteOffered;

    /// <summary>
    /// The local side has answered on the live generation and had none of its own offers answered: rolling its offer back
    /// would lose its remote video for good, so it must not yield in glare (its offers say so).
    /// </summary>
    public bool OnlyAnswered => RemoteOfferTaken && !OwnOfferAnswered;
}

/// <summary>
/// Perfect negotiation (W3C): one machine per remote peer, reset with each connection generation (a connection trigger
/// then fires in <see cref="NegotiationState.Stable"/>). The impolite side offers first to a new peer and the side that
/// rebuilt a connection offers on it; the polite side yields in glare, the impolite side keeps its offer; an answer
/// applies only to the pending offer and only the answer to the newest remote offer is sent; a change while an exchange
/// is under way waits for it to end.
/// <para>
/// The side that yields has offered first. Chromium loses the remote video for good when a connection that has only ever
/// answered rolls back its own offer (after the rollback ICE reconnects and frames are decoded, but the receiving track
/// presents none), so a polite side that has only answered on a generation makes one offer of its own right after its
/// answer, and the impolite side, once one of its offers is answered, holds its own offers (its ICE restarts and local
/// changes) until it has taken that offer. An impolite offer sent before its first was answered can still cross that
/// polite offer: a polite side that has only answered then keeps its offer, and its offers say so
/// (<c>OfferSignal.OnlyAnswered</c>), so the impolite side yields to them and both sides agree without a round trip.
/// </para>
/// </summary>
internal static class NegotiationMachine
{
    private const string HoldsForPoliteOffer = "impolite while the polite side owes its first offer: holds its own";

    private const string OwesFirstOffer = "polite having only answered: offers once after its answer";

    private const string OnlyAnsweredHolds = "having only answered: the pending offer is not superseded, so its answer applies; the restart offer follows it";

    private const string MediaBound = "a media failure or a rebuild ends it; the remote peer's connect timeout or ICE ladder bounds the connection";

    /// <summary>The machine's table.</summary>
    public static MachineTable<NegotiationState, NegotiationTrigger, NegotiationEffect, NegotiationContext> Table { get; } = Build();

    private static MachineTable<NegotiationState, NegotiationTrigger, NegotiationEffect, NegotiationContext> Build()
    {
        var b = new MachineTableBuilder<NegotiationState, NegotiationTrigger, NegotiationEffect, NegotiationContext>("Negotiation", NegotiationState.Stable);

        b.In(NegotiationState.Stable)
            .Stable("nothing under way; a local change, a remote offer or the ICE restart ladder starts an exchange")
            .On(NegotiationTrigger.ConnectionCreated).If(c => !c.Polite, "impolite: offers first").GoTo(NegotiationState.MakingOffer, NegotiationEffect.CreateOffer)
            .Ignore(NegotiationTrigger.ConnectionCreated, "polite: the remote offers first")
            .On(NegotiationTrigger.RebuiltHere).GoTo(NegotiationState.MakingOffer, NegotiationEffect.CreateOffer)
            .Ignore(NegotiationTrigger.RebuiltByRemote, "the remote's offer rebuilt it and is answered")
            .On(NegotiationTrigger.IceRestart).If(c => c.MayOffer, "may offer").GoTo(NegotiationState.MakingOffer, NegotiationEffect.CreateRestartOffer)
            .On(NegotiationTrigger.IceRestart).If(c => !c.MayOffer, HoldsForPoliteOffer).Stay(NegotiationEffect.RestartIceAfterAnswer)
            .On(NegotiationTrigger.OfferNeeded).If(c => c.SignallingUp && c.MayOffer, "signalling up, may offer").GoTo(NegotiationState.MakingOffer, NegotiationEffect.CreateOffer)
            .On(NegotiationTrigger.OfferNeeded).If(c => !(c.SignallingUp && c.MayOffer), "signalling down, or " + HoldsForPoliteOffer).Stay(NegotiationEffect.NoteNegotiationNeeded)
            .On(NegotiationTrigger.StaleOfferSeen).GoTo(NegotiationState.MakingOffer, NegotiationEffect.OfferAgainOnLiveGeneration)
            .Ignore(NegotiationTrigger.LocalOfferCreated, "the offer was abandoned (glare or rebuild)")
            .Ignore(NegotiationTrigger.LocalOfferApplied, "the offer was abandoned (glare or rebuild)")
            .Ignore(NegotiationTrigger.LocalAnswerCreated, "no remote offer is pending")
            .Ignore(NegotiationTrigger.LocalAnswerApplied, "no remote offer is pending")
            .On(NegotiationTrigger.RemoteOffer).If(c => !c.OwesFirstOffer, "impolite, or polite having offered").GoTo(NegotiationState.HaveRemoteOffer, NegotiationEffect.AcceptRemoteOffer)
            .On(NegotiationTrigger.RemoteOffer).If(c => c.OwesFirstOffer, OwesFirstOffer)
                .GoTo(NegotiationState.HaveRemoteOffer, NegotiationEffect.AcceptRemoteOffer, NegotiationEffect.NoteNegotiationNeeded)
            .Ignore(NegotiationTrigger.RemoteAnswer, "no local offer is pending")
            .Ignore(NegotiationTrigger.MediaFailed, "nothing under way: the heal path the failure takes asks for the next offer");

        b.In(NegotiationState.Exchanging)
            .On(NegotiationTrigger.OfferNeeded).Stay(NegotiationEffect.NoteNegotiationNeeded)
            .Ignore(NegotiationTrigger.LocalOfferCreated, "the offer was abandoned (glare or rebuild)")
            .Ignore(NegotiationTrigger.LocalOfferApplied, "the offer was abandoned (glare or rebuild)")
            .Ignore(NegotiationTrigger.RemoteAnswer, "no local offer is pending")
            .On(NegotiationTrigger.MediaFailed).GoTo(NegotiationState.Stable, NegotiationEffect.ForgetAnswersAwaited);

        b.In(NegotiationState.LocalOfferUnderWay)
            .SubstateOf(NegotiationState.Exchanging)
            .On(NegotiationTrigger.RemoteOffer).If(c => c.Polite && c.PoliteOffered, "polite: yields")
                .GoTo(NegotiationState.HaveRemoteOffer, NegotiationEffect.YieldOwnOffer, NegotiationEffect.AcceptRemoteOffer)
            .On(NegotiationTrigger.RemoteOffer).If(c => c.OwesFirstOffer && !c.OnlyAnswered, "polite, not having answered yet: yields; " + OwesFirstOffer)
                .GoTo(NegotiationState.HaveRemoteOffer, NegotiationEffect.YieldOwnOffer, NegotiationEffect.AcceptRemoteOffer, NegotiationEffect.NoteNegotiationNeeded)
            .On(NegotiationTrigger.RemoteOffer).If(c => c.OwesFirstOffer && c.OnlyAnswered, "polite having only answered: keeps its own offer")
                .Stay(NegotiationEffect.KeepOfferHavingOnlyAnswered)
            .On(NegotiationTrigger.RemoteOffer).If(c => !c.Polite && !c.RemoteOnlyAnswered, "impolite: keeps its own offer").Stay(NegotiationEffect.KeepOwnOffer)
            .On(NegotiationTrigger.RemoteOffer).If(c => !c.Polite && c.RemoteOnlyAnswered, "impolite, the remote having only answered: yields")
                .GoTo(NegotiationState.HaveRemoteOffer, NegotiationEffect.AcceptRemoteOffer, NegotiationEffect.YieldToOnlyAnswered)
            .Ignore(NegotiationTrigger.LocalAnswerCreated, "no remote offer is pending")
            .Ignore(NegotiationTrigger.LocalAnswerApplied, "no remote offer is pending");

        b.In(NegotiationState.CreatingOffer)
            .SubstateOf(NegotiationState.LocalOfferUnderWay)
            .On(NegotiationTrigger.IceRestart).Stay(NegotiationEffect.CreateRestartOffer)
            .Ignore(NegotiationTrigger.StaleOfferSeen, "an offer is already being made")
            .On(NegotiationTrigger.LocalOfferCreated).Stay(NegotiationEffect.ApplyLocalDescription)
            .On(NegotiationTrigger.LocalOfferApplied).GoTo(NegotiationState.HaveLocalOffer, NegotiationEffect.SendOffer);

        b.In(NegotiationState.MakingOffer)
            .SubstateOf(NegotiationState.CreatingOffer)
            .Deadline($"the media layer creates the offer; {MediaBound}");

        b.In(NegotiationState.HaveLocalOffer)
            .SubstateOf(NegotiationState.LocalOfferUnderWay)
            .Deadline($"the remote answer; {MediaBound}")
            .On(NegotiationTrigger.IceRestart).If(c => !c.OnlyAnswered, "not having only answered: the restart offer supersedes the pending one")
                .GoTo(NegotiationState.HaveLocalOfferMakingOffer, NegotiationEffect.CreateRestartOffer)
            .On(NegotiationTrigger.IceRestart).If(c => c.OnlyAnswered, OnlyAnsweredHolds).Stay(NegotiationEffect.RestartIceAfterAnswer)
            .On(NegotiationTrigger.StaleOfferSeen).GoTo(NegotiationState.HaveLocalOfferMakingOffer, NegotiationEffect.OfferAgainOnLiveGeneration)
            .On(NegotiationTrigger.RemoteAnswer).If(c => c.AnswersPendingOffer && c.NegotiationNeeded && c.SignallingUp && c.MayOfferOnceAnswered, "answers the pending offer; a change waits, signalling up, may offer")
                .GoTo(NegotiationState.MakingOffer, NegotiationEffect.ApplyRemoteAnswer, NegotiationEffect.CreateOffer)
            .On(NegotiationTrigger.RemoteAnswer).If(c => c.AnswersPendingOffer && !(c.NegotiationNeeded && c.SignallingUp && c.MayOfferOnceAnswered), "answers the pending offer; no change waits, signalling down, or " + HoldsForPoliteOffer)
                .GoTo(NegotiationState.Stable, NegotiationEffect.ApplyRemoteAnswer)
            .On(NegotiationTrigger.RemoteAnswer).If(c => !c.AnswersPendingOffer, "answers a superseded offer").Stay(NegotiationEffect.DropStaleAnswer);

        b.In(NegotiationState.HaveLocalOfferMakingOffer)
            .SubstateOf(NegotiationState.CreatingOffer)
            .Deadline($"the media layer creates the newer offer; {MediaBound}")
            .On(NegotiationTrigger.RemoteAnswer).If(c => c.AnswersPendingOffer && c.MayOfferOnceAnswered, "answers the pending offer; may offer")
                .GoTo(NegotiationState.MakingOffer, NegotiationEffect.ApplyRemoteAnswer)
            .On(NegotiationTrigger.RemoteAnswer).If(c => c.AnswersPendingOffer && !c.MayOfferOnceAnswered, "answers the pending offer; " + HoldsForPoliteOffer + ": the newer offer waits")
                .GoTo(NegotiationState.Stable, NegotiationEffect.ApplyRemoteAnswer, NegotiationEffect.NoteNegotiationNeeded)
            .On(NegotiationTrigger.RemoteAnswer).If(c => !c.AnswersPendingOffer, "answers a superseded offer").Stay(NegotiationEffect.DropStaleAnswer);

        b.In(NegotiationState.HaveRemoteOffer)
            .SubstateOf(NegotiationState.Exchanging)
            .Deadline($"the media layer creates the answer; {MediaBound}")
            .On(NegotiationTrigger.IceRestart).Stay(NegotiationEffect.RestartIceAfterAnswer)
            .On(NegotiationTrigger.StaleOfferSeen).Stay(NegotiationEffect.NoteNegotiationNeeded)
            .On(NegotiationTrigger.LocalAnswerCreated).If(c => !c.NewerOfferAwaited, "answers the newest offer").Stay(NegotiationEffect.ApplyLocalDescription)
            .On(NegotiationTrigger.LocalAnswerCreated).If(c => c.NewerOfferAwaited, "a newer offer awaits its answer")
                .Stay(NegotiationEffect.CountAnswer, NegotiationEffect.DropSupersededAnswer)
            .On(NegotiationTrigger.LocalAnswerApplied).If(c => !c.NewerOfferAwaited && c.NegotiationNeeded && c.SignallingUp, "answers the newest offer; a change waits, signalling up")
                .GoTo(NegotiationState.MakingOffer, NegotiationEffect.CountAnswer, NegotiationEffect.SendAnswer, NegotiationEffect.CreateOffer)
            .On(NegotiationTrigger.LocalAnswerApplied).If(c => !c.NewerOfferAwaited && !(c.NegotiationNeeded && c.SignallingUp), "answers the newest offer; no change waits or signalling down")
                .GoTo(NegotiationState.Stable, NegotiationEffect.CountAnswer, NegotiationEffect.SendAnswer)
            .On(NegotiationTrigger.LocalAnswerApplied).If(c => c.NewerOfferAwaited, "a newer offer awaits its answer")
                .Stay(NegotiationEffect.CountAnswer, NegotiationEffect.DropSupersededAnswer)
            .On(NegotiationTrigger.RemoteOffer).Stay(NegotiationEffect.AcceptRemoteOffer);

        return b.Build();
    }
}
