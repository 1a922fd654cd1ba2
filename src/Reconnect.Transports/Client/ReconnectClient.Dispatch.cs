using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Time;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>Notices leave the engine thread here; one dispatcher applies them to the model and raises the events.</summary>
public sealed partial class ReconnectClient
{
    /// <summary>On the engine thread: metrics, logs, and a hand-off to the dispatcher; never an application handler.</summary>
    private void OnNoticeRaised(object? sender, EngineNoticeEventArgs e)
    {
        _metrics.Record(e.At, e.Notice);
        switch (e.Notice)
        {
            case LocalStateChangedNotice changed:
                ClientLog.StateChanged(_logger, changed.From, changed.To, changed.Reason);
                if (changed.To == LocalPeerState.Closed)
                {
                    _engineStopped.TrySetResult();
                }

                break;
            case RemoteStateChangedNotice changed:
                ClientLog.RemoteStateChanged(_logger, changed.RemotePeerId, changed.From, changed.To, changed.Reason);
                break;
            case Core.Engine.ErrorRaisedNotice raised:
                ClientLog.ErrorRaised(_logger, raised.Error.GetType().Name, raised.Error.Message);
                break;
            default:
                break;
        }

        _notices.Writer.TryWrite(new DispatchItem(e.At.SinceOrigin, e.Notice, null));
    }

    /// <summary>
    /// On the engine thread, after each input: when the channel is joined and its roster applied (the reconcile done)
    /// and was not after the previous input, the dispatcher is told, after the notices that applied it.
    /// </summary>
    private void OnInputHandled(object? sender, EngineInput input)
    {
        var engine = _pump.Engine;
        var applied = engine.LocalState == LocalPeerState.Joined && engine.ReconcileState == ReconcileState.Done;
        if (applied && !_rosterApplied)
        {
            _notices.Writer.TryWrite(new DispatchItem(engine.Now.SinceOrigin, null, null, RosterApplied: true));
        }

        _rosterApplied = applied;
    }

    private async Task DispatchAsync()
    {
        try
        {
            await foreach (var item in _notices.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                if (item.Notice is { } notice)
                {
                    Dispatch(item.At, notice);
                }
                else if (item.RosterApplied)
                {
                    lock (_gate)
                    {
                        _pending.RosterApplied(_model.State);
                    }
                }
                else
                {
                    item.Drained?.TrySetResult();
                }
            }
        }
        finally
        {
            _subscriptions.CompleteAll();
        }
    }

    private void Dispatch(TimeSpan at, EngineNotice notice)
    {
        ReconnectEvent? evt;
        lock (_gate)
        {
            evt = _model.Apply(at, notice);
            _pending.Observe(notice, _model.State);
            if (evt is not null)
            {
                _subscriptions.Publish(evt, _model.Snapshot);
            }
        }

        _dispatchAt = at;
        _inHandler.Value = true;
        try
        {
            _handlers.Invoke(NoticeDispatched, this, new EngineNoticeEventArgs(new Instant(at), notice));
            if (evt is not null)
            {
                Raise(evt);
            }
        }
        finally
        {
            _inHandler.Value = false;
        }
    }

    /// <summary>
    /// On the dispatcher: a handler threw. Logged, counted, streamed, and raised as <see cref="UnhandledHandlerException"/>,
    /// except when a handler of that very event threw (no recursion).
    /// </summary>
    private void HandlerFailed(object sender, string eventName, Delegate handler, Exception error)
    {
        var source = sender is RemotePeer peer ? $"RemotePeer({peer.Id}).{eventName}" : $"{nameof(ReconnectClient)}.{eventName}";
        var method = $"{handler.Method.DeclaringType?.FullName}.{handler.Method.Name}";
        ClientLog.HandlerFailed(_logger, source, method, error);
        _metrics.HandlerFailed(source);
        var failure = new UnhandledHandlerExceptionEvent(_dispatchAt, source, method, error);
        lock (_gate)
        {
            _subscriptions.Publish(failure, _model.Snapshot);
        }

        if (eventName != nameof(UnhandledHandlerException))
        {
            _handlers.Invoke(UnhandledHandlerException, this, failure);
        }
    }

    private void Raise(ReconnectEvent evt)
    {
        switch (evt)
        {
            case StateChangedEvent e: _handlers.Invoke(StateChanged, this, e); break;
            case PeerJoinedEvent e: _handlers.Invoke(PeerJoined, this, e); break;
            case PeerLeftEvent e: _handlers.Invoke(PeerLeft, this, e); break;
            case StreamAddedEvent e:
                _handlers.Invoke(StreamAdded, this, e);
                e.Peer.Raise(e, _handlers);
                break;
            case StreamRemovedEvent e:
                _handlers.Invoke(StreamRemoved, this, e);
                e.Peer.Raise(e, _handlers);
                break;
            case ErrorRaisedEvent e: _handlers.Invoke(ErrorRaised, this, e); break;
            case StillReconnectingEvent e: _handlers.Invoke(StillReconnecting, this, e); break;
            case EscalationStepEvent e: _handlers.Invoke(EscalationStep, this, e); break;
            case MediaFrozenEvent e: _handlers.Invoke(MediaFrozen, this, e); break;
            case ReconnectingVisibleEvent e:
                _handlers.Invoke(ReconnectingVisible, this, e);
                e.Peer?.Raise(e, _handlers);
                break;
            case ReconnectingRecoveredEvent e:
                _handlers.Invoke(ReconnectingRecovered, this, e);
                e.Peer?.Raise(e, _handlers);
                break;
            case PeerAwayEvent e:
                _handlers.Invoke(PeerAway, this, e);
                e.Peer.Raise(e, _handlers);
                break;
            case PeerBackEvent e:
                _handlers.Invoke(PeerBack, this, e);
                e.Peer.Raise(e, _handlers);
                break;
            case TokenProviderFailingEvent e: _handlers.Invoke(TokenProviderFailing, this, e); break;
            case TokenRefreshedEvent e: _handlers.Invoke(TokenRefreshed, this, e); break;
            case TokenRefreshFailedEvent e: _handlers.Invoke(TokenRefreshFailed, this, e); break;
            case RemotePeerStateChangedEvent e: e.Peer.Raise(e, _handlers); break;
            case DataChannelsResetEvent e: e.Peer.Raise(e, _handlers); break;
            case DataReceivedEvent e:
                _handlers.Invoke(DataReceived, this, e);
                e.Peer.Raise(e, _handlers);
                break;
            case PeerMetadataChangedEvent e: e.Peer.Raise(e, _handlers); break;
            default: break;
        }
    }
}
