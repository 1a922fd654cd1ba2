using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect;

/// <summary>The client's commands: join, leave, close, publish, retry now, data sends and the network signal.</summary>
public sealed partial class ReconnectClient
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Joins a channel and completes once the server welcomed the peer AND the channel's first roster was applied:
    /// when the task completes, <see cref="State"/> is <see cref="LocalPeerState.Joined"/>, <see cref="RemotePeers"/>
    /// lists the peers already in the channel and their <see cref="PeerJoined"/> events were raised. A roster that is
    /// late keeps the join waiting (the engine re-requests it and, past its deadline, reconnects); it never completes
    /// on a half-known channel. Cancelling abandons the join (the client leaves). Published streams are announced
    /// with the join. Called while the client is leaving, the join waits for the leave to finish and then runs; of
    /// several such joins the latest one's channel, peer id and metadata win.
    /// </summary>
    /// <exception cref="ReconnectException">The join failed with a typed error, in <see cref="ReconnectException.Error"/>
    /// with a message naming what happened and where: <see cref="FirstConnectFailed"/>,
    /// <see cref="TerminalCloseError"/>, <see cref="ReconnectAttemptsExhausted"/>, <see cref="EvictedError"/>, or
    /// <see cref="CommandRejected"/> when the client is already in a channel.</exception>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public async Task JoinAsync(string channel, string peerId, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(peerId);
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource joined;
        lock (_gate)
        {
            ThrowIfClosed();
            joined = _pending.AddJoin();
            _pump.Post(new JoinRequested(channel, peerId, metadata ?? NoMetadata));
        }

        using (cancellationToken.Register(() => AbandonJoin(joined, cancellationToken)))
        {
            await joined.Task.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Leaves the channel and completes once the channel is released; the client may join again. Completes at
    /// once when not in a channel. Cancelling stops the wait, not the leave.
    /// </summary>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource left;
        lock (_gate)
        {
            ThrowIfClosed();
            if (_model.State == LocalPeerState.Idle && !_pending.HasJoins)
            {
                return;
            }

            left = _pending.AddLeave();
            _pending.AbandonJoins();
            _pump.Post(new LeaveRequested());
        }

        await left.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the client for good: leaves the channel, stops the engine, disposes the ports and raises the last
    /// events; once it completes no event is raised and every <see cref="Events"/> sequence has ended. Idempotent:
    /// every call returns the same close. Cancelling stops the wait, not the close. Waiting calls fail with
    /// <see cref="ReconnectClosedException"/>.
    /// </summary>
    public Task CloseAsync(CancellationToken cancellationToken = default)
    {
        bool first;
        lock (_gate)
        {
            first = !_closing;
            _closing = true;
        }

        if (first)
        {
            _ = CloseOnceAsync();
        }

        return _closed.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes a local stream to every remote peer, now and after every reconnect. Completes once the engine has
    /// the command queued; it applies commands in order.
    /// </summary>
    /// <exception cref="ReconnectException">A stream with this id is already published (<see cref="CommandRejected"/>).</exception>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public Task PublishAsync(StreamInfo stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Command(
            cancellationToken,
            () => _localStreams.TryAdd(stream.StreamId, stream) ? null : $"add stream '{stream.StreamId}' twice",
            new LocalStreamAdded(stream));
    }

    /// <summary>Withdraws a published local stream.</summary>
    /// <exception cref="ReconnectException">No stream with this id is published (<see cref="CommandRejected"/>).</exception>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public Task UnpublishAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        return Command(
            cancellationToken,
            () => _localStreams.Remove(streamId) ? null : $"remove unknown stream '{streamId}'",
            new LocalStreamRemoved(streamId));
    }

    /// <summary>Replaces the track of a published local stream on every connection, without renegotiation.</summary>
    /// <exception cref="ReconnectException">No stream with this id is published (<see cref="CommandRejected"/>).</exception>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public Task ReplaceTrackAsync(string streamId, string trackId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentException.ThrowIfNullOrWhiteSpace(trackId);
        return Command(
            cancellationToken,
            () => _localStreams.ContainsKey(streamId) ? null : $"replace the track of unknown stream '{streamId}'",
            new LocalTrackReplaced(streamId, trackId));
    }

    /// <summary>Tells the engine what the operating system says about the network; ignored once closed.</summary>
    public void NotifyNetworkChanged(NetworkChange change)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }
        }

        _pump.Post(new NetworkChanged(change));
    }

    /// <summary>
    /// Retries now instead of waiting, keeping the call: every pending retry wait is cut short (the signalling socket's
    /// backoff: an attempt now; each remote peer's ICE restart wait: a restart now; a late roster: a request now), and
    /// every <see cref="RemotePeer"/> object, stream and the session are kept, unlike closing the client and building a
    /// new one. Offer it on <see cref="StillReconnecting"/>. Completes once the engine has the command queued; what it
    /// did shows in the events: the attempts' events when it was taken, else one <see cref="InputIgnoredEvent"/> with
    /// input <c>retry-now</c> whose reason says why: nothing was waiting (an attempt is already under way), or it came
    /// within <c>ReconnectOptions.RetryNowMinInterval</c> of the last one taken ("rate-limited", naming the engine time
    /// the next is taken).
    /// </summary>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public Task RetryNowAsync(CancellationToken cancellationToken = default) =>
        Command(cancellationToken, static () => null, new RetryNowRequested());

    /// <summary>
    /// Sends a message to a remote peer on a declared data channel (<c>ReconnectOptions.DataChannels</c>, or
    /// <see cref="ReconnectClientBuilder.WithDataChannel"/>). Completes once the message was handed to the peer's live
    /// connection, or queued because the channel is not open there yet (a connection being replaced, the peer
    /// reconnecting); queued messages go out in order when the channel opens on the new connection, and are dropped with
    /// a <see cref="DataSendFailed"/> error event when the peer leaves (<see cref="DataSendFailure.PeerLeft"/>) or the
    /// client leaves or closes (<see cref="DataSendFailure.CallEnded"/>). A message handed to a connection that dies before
    /// delivering it is lost with it, as in WebRTC. Cancelling stops the wait, not the send.
    /// </summary>
    /// <exception cref="ReconnectException">The send failed at once with <see cref="DataSendFailed"/>: the channel is not
    /// open and <c>DataChannels.WhileNotOpen</c> is <see cref="DataSendMode.FailFast"/>
    /// (<see cref="DataSendFailure.ChannelNotOpen"/>), the queue is full (<see cref="DataSendFailure.QueueFull"/>), no such
    /// peer is in the channel (<see cref="DataSendFailure.UnknownPeer"/>) or the label is not declared
    /// (<see cref="DataSendFailure.UndeclaredChannel"/>).</exception>
    /// <exception cref="ReconnectClosedException">The client is closed.</exception>
    public async Task SendDataAsync(string remotePeerId, string label, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remotePeerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource answered;
        long sendId;
        lock (_gate)
        {
            ThrowIfClosed();
            sendId = ++_lastSendId;
            answered = _pending.AddSend(sendId);
        }

        _pump.Post(new DataSendRequested(sendId, remotePeerId, label, payload.ToArray()));
        using (cancellationToken.Register(() => AbandonSend(sendId, answered, cancellationToken)))
        {
            await answered.Task.ConfigureAwait(false);
        }
    }

    private void AbandonSend(long sendId, TaskCompletionSource answered, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_pending.RemoveSend(sendId))
            {
                return;
            }
        }

        answered.TrySetCanceled(cancellationToken);
    }

    private void OnNetworkChanged(object? sender, NetworkChangedEventArgs e) => NotifyNetworkChanged(e.Change);

    private Task Command(CancellationToken cancellationToken, Func<string?> apply, EngineInput input)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        lock (_gate)
        {
            if (ClosedError() is { } closed)
            {
                return Task.FromException(closed);
            }

            if (apply() is { } refused)
            {
                return Task.FromException(new ReconnectException(new CommandRejected(refused, _model.State.ToString())));
            }
        }

        _pump.Post(input);
        return Task.CompletedTask;
    }

    private void AbandonJoin(TaskCompletionSource joined, CancellationToken cancellationToken)
    {
        bool abandoned;
        lock (_gate)
        {
            abandoned = _pending.RemoveJoin(joined) && !_closing;
            if (abandoned)
            {
                _pending.AbandonJoins();
                _pump.Post(new LeaveRequested());
            }
        }

        if (abandoned)
        {
            joined.TrySetCanceled(cancellationToken);
        }
    }

    private void ThrowIfClosed()
    {
        if (ClosedError() is { } closed)
        {
            throw closed;
        }
    }

    /// <summary>The error a command gets once the client is closing or closed, or null; call under the lock.</summary>
    private ReconnectClosedException? ClosedError() => _engineFailure is { } failure
        ? new ReconnectClosedException("The engine stopped after an internal error.", failure)
        : _closing || _model.State == LocalPeerState.Closed ? new ReconnectClosedException() : null;

    private async Task CloseOnceAsync()
    {
        try
        {
            await CloseCoreAsync().ConfigureAwait(false);
            _closed.TrySetResult();
        }
#pragma warning disable CA1031 // The close task carries whatever failed; callers observe it there.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _closed.TrySetException(ex);
        }
    }

    private async Task CloseCoreAsync()
    {
        lock (_gate)
        {
            _pending.FailAll(new ReconnectClosedException());
        }

        if (_networkMonitor is not null)
        {
            _networkMonitor.NetworkChanged -= OnNetworkChanged;
            await DisposePortAsync(_networkMonitor, "network monitor").ConfigureAwait(false);
        }

        _pump.Post(new CloseRequested());
        await _engineStopped.Task.ConfigureAwait(false);
        if (_runner is not null)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _runner.ConfigureAwait(false);
        }

        await _pump.DisposeAsync().ConfigureAwait(false);
        _tokenPort.Dispose();
        await DisposePortAsync(_ports.Signalling, "signalling").ConfigureAwait(false);
        await DisposePortAsync(_ports.Media, "media").ConfigureAwait(false);
        _notices.Writer.TryComplete();
        if (!_inHandler.Value)
        {
            await _dispatcher.ConfigureAwait(false);
        }

        _metrics.Dispose();
        _stop.Dispose();
    }

    private async Task DisposePortAsync(object port, string name)
    {
        try
        {
            switch (port)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync().ConfigureAwait(false); break;
                case IDisposable disposable: disposable.Dispose(); break;
                default: break;
            }
        }
#pragma warning disable CA1031 // A port that fails to dispose is logged; the close goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ClientLog.PortDisposeFailed(_logger, name, ex);
        }
    }
}
