using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>Media connections under each remote peer: generations, perfect negotiation, ICE and streams.</summary>
public sealed partial class CallEngine
{
    private void Rebuild(RemotePeerEntry peer, int generation, string reason, NegotiationTrigger cause)
    {
        var first = !peer.HasConnection && peer.Generation == 0;
        if (peer.HasConnection)
        {
            Emit(new CloseConnection(peer.Id, peer.Generation));
        }

        peer.Generation = generation;
        peer.Unannounced.Clear();
        peer.ConnectionEpoch = _epoch;
        peer.HasConnection = true;
        peer.IceConnected = false;
        peer.ResetNegotiation();
        Emit(new CreateConnection(peer.Id, generation, _iceServers, peer.Polite, [.. _localStreams]));
        foreach (var (streamId, trackId) in _localTracks)
        {
            Emit(new ReplaceTrack(peer.Id, generation, streamId, trackId));
        }

        OpenDeclaredChannels(peer);

        Emit(new ConnectionBuiltNotice(peer.Id, peer.Ref, generation, reason));
        if (first)
        {
            FireRemote(peer, RemotePeerTrigger.ConnectionCreated, reason);
        }
        else
        {
            Emit(new DataChannelsResetNotice(peer.Id, peer.Ref, generation));
            FireRemote(peer, RemotePeerTrigger.ConnectionRebuilt, reason);
        }

        FireNegotiation(peer, cause);
    }

    private bool TryGetLive(string remoteId, int generation, string what, out RemotePeerEntry peer)
    {
        if (!_peers.TryGetValue(remoteId, out peer!))
        {
            Ignore($"{what} for {remoteId}", "unknown or departed peer");
            return false;
        }

        if (peer.State == RemotePeerState.Closed || !peer.HasConnection)
        {
            Ignore($"{what} for {remoteId}", "the peer's connection is closed");
            return false;
        }

        if (generation != peer.Generation)
        {
            Mark(CoverageMarks.SignalStale);
            Ignore($"{what} for {remoteId} generation {generation}", $"stale generation (live is {peer.Generation})");
            return false;
        }

        return true;
    }

    private void HandleLocalDescription(LocalDescriptionCreated created)
    {
        if (!TryGetLive(created.RemotePeerId, created.Generation, "local description", out var peer))
        {
            return;
        }

        var trigger = created.Description.Type == SdpType.Offer ? NegotiationTrigger.LocalOfferCreated : NegotiationTrigger.LocalAnswerCreated;
        FireNegotiation(peer, trigger, NegotiationInput.Of(created.Description));
    }

    private void HandleLocalDescriptionApplied(LocalDescriptionApplied applied)
    {
        if (!TryGetLive(applied.RemotePeerId, applied.Generation, "applied local description", out var peer))
        {
            return;
        }

        var trigger = applied.Description.Type == SdpType.Offer ? NegotiationTrigger.LocalOfferApplied : NegotiationTrigger.LocalAnswerApplied;
        FireNegotiation(peer, trigger, NegotiationInput.Of(applied.Description));
    }

    private void HandleLocalCandidate(LocalCandidateGathered gathered)
    {
        if (TryGetLive(gathered.RemotePeerId, gathered.Generation, "local candidate", out var peer))
        {
            Send(new RelaySignalMessage(peer.Id, new CandidateSignal(peer.Generation, gathered.Candidate)));
        }
    }

    private void HandleIceState(IceStateChanged change)
    {
        if (!TryGetLive(change.RemotePeerId, change.Generation, IceInput(change.State), out var peer))
        {
            return;
        }

        var trigger = change.State switch
        {
            IceConnectionState.Connected or IceConnectionState.Completed => RemotePeerTrigger.IceConnected,
            IceConnectionState.Disconnected => RemotePeerTrigger.IceDisconnected,
            IceConnectionState.Failed => RemotePeerTrigger.IceFailed,
            _ => (RemotePeerTrigger?)null,
        };
        peer.IceConnected = trigger == RemotePeerTrigger.IceConnected;
        if (trigger is null)
        {
            Ignore($"ICE {change.State} for {peer.Id}", "not a state the ladder acts on");
            return;
        }

        FireRemote(peer, trigger.Value, IceReason(change.State));
    }

    /// <summary>How a notice names an ICE state input (<c>ICE Connected</c>), without building the text on every input.</summary>
    private static string IceInput(IceConnectionState state) => state switch
    {
        IceConnectionState.Connected => "ICE Connected",
        IceConnectionState.Completed => "ICE Completed",
        IceConnectionState.Disconnected => "ICE Disconnected",
        IceConnectionState.Failed => "ICE Failed",
        _ => $"ICE {state}",
    };

    /// <summary>Why a remote peer's state changed on an ICE state (<c>ICE connected</c>).</summary>
    private static string IceReason(IceConnectionState state) => state switch
    {
        IceConnectionState.Connected => "ICE connected",
        IceConnectionState.Completed => "ICE completed",
        IceConnectionState.Disconnected => "ICE disconnected",
        IceConnectionState.Failed => "ICE failed",
        _ => $"ICE {state.ToString().ToLowerInvariant()}",
    };

    private void HandleMediaFailure(MediaOperationFailed failure)
    {
        if (!TryGetLive(failure.RemotePeerId, failure.Generation, "media failure", out var peer))
        {
            return;
        }

        switch (MediaFailurePolicy.Decide(failure.Operation))
        {
            case MediaFailureResponse.Tolerate:
                Emit(new MediaFailureToleratedNotice(peer.Id, peer.Ref, peer.Generation, failure.Operation, failure.Reason));
                break;
            case MediaFailureResponse.Report:
                Emit(new ErrorRaisedNotice(new MediaError(peer.Id, failure.Reason, failure.Operation)));
                break;
            default:
                FireNegotiation(peer, NegotiationTrigger.MediaFailed);
                Emit(new ErrorRaisedNotice(new MediaError(peer.Id, failure.Reason, failure.Operation)));
                FireRemote(peer, RemotePeerTrigger.IceFailed, "media operation failed");
                HealByNegotiationIfIceConnected(peer, NegotiatedHeal.AfterMediaFailure);
                break;
        }
    }

    /// <summary>
    /// A ladder just started while ICE says connected: Chromium keeps saying connected through an ICE restart over a
    /// path that still works, so the exchange that completes the restart tells the heal (see <see cref="NegotiatedHeal"/>).
    /// </summary>
    private static void HealByNegotiationIfIceConnected(RemotePeerEntry peer, NegotiatedHeal cause)
    {
        if (peer.IceConnected && peer.State == RemotePeerState.Reconnecting)
        {
            peer.HealsByNegotiation = cause;
        }
    }

    /// <summary>
    /// An offer/answer exchange completed on the live connection (an answer applied or sent): after a ladder started
    /// over a connected ICE, that is the heal, since no ICE state will report it.
    /// </summary>
    private void ExchangeCompleted(RemotePeerEntry peer)
    {
        if (peer.HealsByNegotiation is not null)
        {
            Tell(MachineSignal.Renegotiated(peer));
        }
    }

    /// <summary>Tells the peer's machine the heal an exchange brought, if the episode it ends still runs over a connected ICE.</summary>
    private void HealRenegotiated(RemotePeerEntry peer)
    {
        if (peer.HealsByNegotiation is { } cause && peer.IceConnected && peer.State == RemotePeerState.Reconnecting)
        {
            var (mark, reason) = cause == NegotiatedHeal.AfterMediaFailure
                ? (CoverageMarks.MediaFailureRenegotiated, "renegotiated after a media failure")
                : (CoverageMarks.AddressChangeRenegotiated, "renegotiated after an address change");
            Mark(mark);
            FireRemote(peer, RemotePeerTrigger.IceConnected, reason);
        }
    }

    private void HandleRemoteStream(RemoteStreamArrived arrived)
    {
        if (!TryGetLive(arrived.RemotePeerId, arrived.Generation, $"stream {arrived.StreamId}", out var peer))
        {
            return;
        }

        if (peer.Streams.TryGetValue(arrived.StreamId, out var bound) && bound.Generation == arrived.Generation)
        {
            Ignore($"stream {arrived.StreamId} from {peer.Id}", "already bound to this connection");
            return;
        }

        if (!peer.Roster.Streams.Any(s => s.StreamId == arrived.StreamId))
        {
            Mark(CoverageMarks.StreamUnannounced);
            peer.Unannounced[arrived.StreamId] = arrived.Media;
            return;
        }

        BindStream(peer, arrived.StreamId, arrived.Media);
    }

    /// <summary>Binds a stream the live connection carries and the roster announces, and raises it with the port's media handle.</summary>
    private void BindStream(RemotePeerEntry peer, string streamId, object? media)
    {
        peer.Unannounced.Remove(streamId);
        var rebound = !peer.SeenStreamIds.Add(streamId);
        if (rebound)
        {
            Mark(CoverageMarks.StreamRebound);
        }

        var streamRef = ++_nextStreamRef;
        peer.Streams[streamId] = new BoundStream(streamRef, peer.Generation, media);
        Emit(new StreamAddedNotice(peer.Id, peer.Ref, streamId, streamRef, peer.Generation, rebound, media));
    }

    private void ApplyRemoteEffect(RemotePeerEntry peer, RemotePeerEffect effect)
    {
        switch (effect)
        {
            case RemotePeerEffect.ArmConnectTimeout:
                _timers.Start(TimerKind.IceAttemptTimeout, peer.Id, _now + _options.IceRestart.ConnectTimeout, _emit);
                break;
            case RemotePeerEffect.CancelAttemptTimeout:
                _timers.Cancel(TimerKind.IceAttemptTimeout, peer.Id, _emit);
                break;
            case RemotePeerEffect.StartGrace:
                if (_options.IceRestart.RestartOnDisconnected)
                {
                    _timers.Start(TimerKind.IceDisconnectedGrace, peer.Id, _now + _options.IceRestart.DisconnectedGrace, _emit);
                }

                break;
            case RemotePeerEffect.StartLadder:
                EndEpisode(peer);
                peer.DueAttempt = 1;
                break;
            case RemotePeerEffect.RunDueAttempt:
                peer.DueAttempt = peer.LadderAttempt + 1;
                break;
            case RemotePeerEffect.MakeAttempt:
                MakeAttempt(peer);
                break;
            case RemotePeerEffect.DeferAttempt:
                Mark(CoverageMarks.LadderDeferred);
                peer.LadderAttempt = peer.DueAttempt - 1;
                break;
            case RemotePeerEffect.EndEpisode:
                EndEpisode(peer);
                break;
            case RemotePeerEffect.RaiseExhausted:
                Mark(CoverageMarks.LadderExhausted);
                Emit(new ErrorRaisedNotice(new IceRestartExhausted(peer.Id, peer.LadderAttempt)));
                break;
            case RemotePeerEffect.CloseMedia:
                if (peer.HasConnection)
                {
                    Emit(new CloseConnection(peer.Id, peer.Generation));
                    peer.HasConnection = false;
                }

                _timers.CancelOwner(peer.Id, _emit);
                break;
            case RemotePeerEffect.StartReconnectingVisibleTimer or RemotePeerEffect.EndReconnectingVisible:
                ApplyReconnectingVisibleEffect(peer, effect);
                break;
            case RemotePeerEffect.StartEscalation or RemotePeerEffect.EscalateNextStep or RemotePeerEffect.StartEscalationRound
                or RemotePeerEffect.RaiseEscalationExhausted or RemotePeerEffect.ForgetEscalation:
                ApplyEscalationEffect(peer, effect);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(effect), effect, "Unknown remote peer effect.");
        }
    }

    private void EndEpisode(RemotePeerEntry peer)
    {
        peer.HealsByNegotiation = null;
        peer.Flow = null;
        peer.FrozenFlow = null;
        peer.LadderAttempt = 0;
        peer.DueAttempt = 0;
        _timers.Cancel(TimerKind.IceDisconnectedGrace, peer.Id, _emit);
        _timers.Cancel(TimerKind.IceRestartDue, peer.Id, _emit);
        _timers.Cancel(TimerKind.IceAttemptTimeout, peer.Id, _emit);
        EndEscalationStep(peer);
    }

    /// <summary>
    /// Makes the due attempt: an ICE restart offer, then the next attempt's schedule or, on the last attempt, its timeout
    /// in place of any schedule still armed (an attempt brought forward by a network change leaves one).
    /// </summary>
    private void MakeAttempt(RemotePeerEntry peer)
    {
        Mark(CoverageMarks.LadderAttempt);
        var attempt = peer.LadderAttempt = peer.DueAttempt;
        Emit(new IceRestartStartedNotice(peer.Id, peer.Ref, attempt, peer.Generation));
        Tell(MachineSignal.ToNegotiation(peer, NegotiationTrigger.IceRestart));
        if (_ladder.DelayBefore(attempt + 1) is { } wait)
        {
            _timers.Start(TimerKind.IceRestartDue, peer.Id, _now + wait, _emit);
        }
        else
        {
            _timers.Cancel(TimerKind.IceRestartDue, peer.Id, _emit);
            _timers.Start(TimerKind.IceAttemptTimeout, peer.Id, _now + _options.IceRestart.AttemptTimeout, _emit);
        }
    }
}
