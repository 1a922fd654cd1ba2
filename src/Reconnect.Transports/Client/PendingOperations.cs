using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;

namespace Reconnect;

/// <summary>
/// The join, leave and data-send calls waiting for the engine, resolved by the notices in order. A join completes once
/// the channel is joined and its first roster applied, not at the welcome; a data send once it was sent or queued. Used under the client's lock; completions run
/// their continuations asynchronously.
/// </summary>
internal sealed class PendingOperations
{
    private readonly List<TaskCompletionSource> _joins = [];
    private readonly List<TaskCompletionSource> _leaves = [];
    private readonly Dictionary<long, TaskCompletionSource> _sends = [];
    private ReconnectError? _connectFailure;

    public bool HasJoins => _joins.Count > 0;

    /// <summary>True when no join, leave or data send waits for the engine.</summary>
    public bool IsEmpty => _joins.Count == 0 && _leaves.Count == 0 && _sends.Count == 0;

    public TaskCompletionSource AddJoin() => Add(_joins);

    public TaskCompletionSource AddLeave() => Add(_leaves);

    public bool RemoveJoin(TaskCompletionSource join) => _joins.Remove(join);

    /// <summary>A data send posted with <paramref name="sendId"/>: answered by its accepted notice or its typed error.</summary>
    public TaskCompletionSource AddSend(long sendId)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sends[sendId] = waiter;
        return waiter;
    }

    /// <summary>The caller stopped waiting for a data send (the send itself goes on).</summary>
    public bool RemoveSend(long sendId) => _sends.Remove(sendId);

    /// <summary>A leave is being posted: every join posted before it is abandoned (the engine applies commands in order).</summary>
    public void AbandonJoins() =>
        Fail(_joins, () => new OperationCanceledException("The join was abandoned: the client is leaving the channel."));

    /// <summary>Fails every waiting call (the client is closing).</summary>
    public void FailAll(Exception error)
    {
        Fail(_joins, () => error);
        Fail(_leaves, () => error);
        foreach (var send in _sends.Values)
        {
            send.TrySetException(error);
        }

        _sends.Clear();
        _connectFailure = null;
    }

    /// <summary>Resolves waiting calls from a notice; <paramref name="state"/> is the local state once the notice is applied.</summary>
    public void Observe(EngineNotice notice, LocalPeerState state)
    {
        switch (notice)
        {
            case ErrorRaisedNotice { Error: CommandRejected rejected }:
                Rejected(rejected);
                break;
            case DataSendAcceptedNotice accepted when _sends.Remove(accepted.SendId, out var sent):
                sent.TrySetResult();
                break;
            case ErrorRaisedNotice { Error: DataSendFailed failed } when _sends.Remove(failed.SendId, out var refused):
                refused.TrySetException(new ReconnectException(failed));
                break;
            case InputIgnoredNotice { Input: "leave" } when state == LocalPeerState.Idle:
                Complete(_leaves);
                break;
            case ErrorRaisedNotice { Error: FirstConnectFailed or TerminalCloseError or ReconnectAttemptsExhausted or EvictedError } failed when HasJoins:
                _connectFailure = failed.Error;
                break;
            case LocalStateChangedNotice changed:
                StateChanged(changed);
                break;
            default:
                break;
        }
    }

    /// <summary>The channel's roster was applied while joined: every waiting join completes, its remote peers known.</summary>
    public void RosterApplied(LocalPeerState state)
    {
        if (state == LocalPeerState.Joined)
        {
            Complete(_joins);
        }
    }

    private void Rejected(CommandRejected rejected)
    {
        if (rejected.Command.StartsWith("join", StringComparison.Ordinal) && _joins.Count > 0)
        {
            var first = _joins[0];
            _joins.RemoveAt(0);
            first.TrySetException(rejected.State == nameof(LocalPeerState.Closed) ? new ReconnectClosedException() : new ReconnectException(rejected));
        }
    }

    private void StateChanged(LocalStateChangedNotice changed)
    {
        switch (changed.To)
        {
            case LocalPeerState.Joined:
                _connectFailure = null;
                break;
            case LocalPeerState.Idle or LocalPeerState.Joining when changed.From == LocalPeerState.Leaving:
                Complete(_leaves);
                break;
            case LocalPeerState.Idle:
                var idleFailure = _connectFailure ?? new CommandRejected("join", changed.Reason);
                Fail(_joins, () => new ReconnectException(idleFailure));
                Complete(_leaves);
                _connectFailure = null;
                break;
            case LocalPeerState.Closed:
                var closedFailure = _connectFailure;
                Fail(_joins, () => closedFailure is null ? new ReconnectClosedException() : new ReconnectException(closedFailure));
                Fail(_leaves, () => new ReconnectClosedException());
                _connectFailure = null;
                break;
            default:
                break;
        }
    }

    private static TaskCompletionSource Add(List<TaskCompletionSource> waiters)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        waiters.Add(waiter);
        return waiter;
    }

    private static void Complete(List<TaskCompletionSource> waiters)
    {
        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }

        waiters.Clear();
    }

    private static void Fail(List<TaskCompletionSource> waiters, Func<Exception> error)
    {
        foreach (var waiter in waiters)
        {
            waiter.TrySetException(error());
        }

        waiters.Clear();
    }
}
