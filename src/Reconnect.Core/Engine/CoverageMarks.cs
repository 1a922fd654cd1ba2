using System.Collections.Immutable;

namespace Reconnect.Core.Engine;

/// <summary>Named points in the engine that a batch of simulations must reach; counted per engine.</summary>
internal static class CoverageMarks
{
    /// <summary>A kept remote peer's healthy connection survived a reconcile.</summary>
    public const string ReconcileKeep = "reconcile.keep";

    /// <summary>A kept remote peer got a rebuilt connection in a reconcile.</summary>
    public const string ReconcileSwap = "reconcile.swap";

    /// <summary>A peer that joined during the outage was added by a reconcile.</summary>
    public const string ReconcileAdd = "reconcile.add";

    /// <summary>A peer that left during the outage was removed by a reconcile.</summary>
    public const string ReconcileRemove = "reconcile.remove";

    /// <summary>A ladder attempt ran.</summary>
    public const string LadderAttempt = "ladder.attempt";

    /// <summary>A due ladder attempt waited for the signalling.</summary>
    public const string LadderDeferred = "ladder.deferred";

    /// <summary>A ladder was exhausted.</summary>
    public const string LadderExhausted = "ladder.exhausted";

    /// <summary>The polite side yielded in glare.</summary>
    public const string GlarePoliteYields = "glare.polite-yields";

    /// <summary>The impolite side ignored a colliding offer.</summary>
    public const string GlareImpoliteIgnores = "glare.impolite-ignores";

    /// <summary>In glare, the polite side kept its own offer because it had only answered on the connection.</summary>
    public const string GlareOnlyAnsweredKeeps = "glare.only-answered-keeps";

    /// <summary>In glare, the impolite side yielded to an offer from a side that had only answered on the connection.</summary>
    public const string GlareYieldToOnlyAnswered = "glare.yield-to-only-answered";

    /// <summary>A signal for a stale generation was dropped.</summary>
    public const string SignalStale = "signal.stale";

    /// <summary>A signal from a peer not yet in the roster was held.</summary>
    public const string SignalHeld = "signal.held";

    /// <summary>A held signal was delivered once its peer appeared.</summary>
    public const string SignalReleased = "signal.released";

    /// <summary>An offer on an older generation made the local side offer again on its live one.</summary>
    public const string StaleOfferReoffered = "signal.stale-offer-reoffered";

    /// <summary>A remote offer of a higher generation rebuilt the connection.</summary>
    public const string RemoteRebuild = "media.remote-rebuild";

    /// <summary>A peer came back under a new session and no record said the old one ended: its RemotePeer was kept.</summary>
    public const string ReconcileRejoin = "reconcile.rejoin";

    /// <summary>A peer the server lost was kept reconnecting to wait for its rejoin.</summary>
    public const string RejoinAwaited = "reconcile.rejoin-awaited";

    /// <summary>A stream arrived on a connection before the roster announced it, and was held unbound.</summary>
    public const string StreamUnannounced = "stream.unannounced";

    /// <summary>A stream was re-raised after a rebuild.</summary>
    public const string StreamRebound = "stream.rebound";

    /// <summary>The socket retried after a drop.</summary>
    public const string SocketRetry = "socket.retry";

    /// <summary>Earlier flaps were forgotten after the socket stayed up for the stable window.</summary>
    public const string FlapsForgotten = "socket.flaps-forgotten";

    /// <summary>A retry waited longer because welcomed sockets kept dropping (flap damping).</summary>
    public const string FlapDamped = "socket.flap-damped";

    /// <summary>A network-online signal cut a wait short.</summary>
    public const string NetworkCutShort = "network.cut-short";

    /// <summary>A server going-away hint floored a retry.</summary>
    public const string ServerHintFloor = "socket.server-hint";

    /// <summary>An eviction was handled.</summary>
    public const string Evicted = "local.evicted";

    /// <summary>A wake made the engine probe its open socket.</summary>
    public const string WakeProbe = "socket.wake-probe";

    /// <summary>An escalation took its fresh-connection step.</summary>
    public const string EscalationFreshConnection = "escalation.fresh-connection";

    /// <summary>An escalation resumed the socket.</summary>
    public const string EscalationSocketResume = "escalation.socket-resume";

    /// <summary>An escalation rejoined as a new session.</summary>
    public const string EscalationRejoin = "escalation.rejoin";

    /// <summary>A remote peer's media healed during an escalation.</summary>
    public const string EscalationHealed = "escalation.healed";

    /// <summary>The frozen-media watchdog judged a connected peer's inbound media frozen.</summary>
    public const string MediaFrozen = "media.frozen";

    /// <summary>A data-channel send waited in its queue because the channel was not open on the live connection.</summary>
    public const string DataQueued = "data.queued";

    /// <summary>Queued data-channel sends were flushed, in order, when the channel opened on the live connection.</summary>
    public const string DataFlushed = "data.flushed";

    /// <summary>After a media verb's failure over a connected ICE, a completed offer/answer exchange healed the peer.</summary>
    public const string MediaFailureRenegotiated = "media.failure-renegotiated";

    /// <summary>After an address change restarted ICE over a connected ICE, a completed offer/answer exchange healed the peer.</summary>
    public const string AddressChangeRenegotiated = "media.address-change-renegotiated";

    /// <summary>Every named mark.</summary>
    public static ImmutableArray<string> All { get; } =
    [
        ReconcileKeep, ReconcileSwap, ReconcileAdd, ReconcileRemove, LadderAttempt, LadderDeferred, LadderExhausted,
        GlarePoliteYields, GlareImpoliteIgnores, GlareOnlyAnsweredKeeps, GlareYieldToOnlyAnswered, SignalStale, StaleOfferReoffered, SignalHeld, SignalReleased, RemoteRebuild, StreamRebound,
        ReconcileRejoin, RejoinAwaited, StreamUnannounced,
        SocketRetry, FlapsForgotten, FlapDamped, NetworkCutShort, ServerHintFloor, Evicted, WakeProbe,
        EscalationFreshConnection, EscalationSocketResume, EscalationRejoin, EscalationHealed,
        MediaFrozen, MediaFailureRenegotiated, AddressChangeRenegotiated,
        DataQueued, DataFlushed,
    ];
}
