namespace Reconnect;

/// <summary>
/// One reader of <see cref="ReconnectClient.Events"/>: a queue that holds its snapshot and up to a capacity of
/// unread events. When an event comes while the queue holds that many, the unread events and the new one are dropped
/// and replaced by an <see cref="EventsMissedEvent"/> counting every event lost since the reader last caught up,
/// then a fresh <see cref="CallSnapshotEvent"/>; the live events follow (a reader that already took the gap but not
/// the snapshot gets a second gap and the newer snapshot). Writing never waits.
/// </summary>
internal sealed class EventSubscriber
{
    private readonly Lock _gate = new();
    private readonly Queue<ReconnectEvent> _queue = new();
    private readonly int _capacity;
    private readonly EventSubscriptions _owner;
    private TaskCompletionSource? _waiter;
    private int _unread;
    private long _unreadMissed;
    private bool _completed;

    public EventSubscriber(int capacity, CallSnapshotEvent snapshot, EventSubscriptions owner)
    {
        _capacity = capacity;
        _owner = owner;
        _queue.Enqueue(snapshot);
    }

    /// <summary>Queues an event; returns how many events are now missed when the buffer was full, else null.</summary>
    public long? Offer(ReconnectEvent evt, Func<CallSnapshotEvent> snapshot)
    {
        long? missed = null;
        lock (_gate)
        {
            if (_completed)
            {
                return null;
            }

            if (_unread < _capacity)
            {
                _queue.Enqueue(evt);
                _unread++;
            }
            else
            {
                _unreadMissed += _unread + 1;
                missed = _unreadMissed;
                _queue.Clear();
                _queue.Enqueue(new EventsMissedEvent(evt.At, _unreadMissed));
                _queue.Enqueue(snapshot());
                _unread = 0;
            }

            Wake();
        }

        return missed;
    }

    /// <summary>No more events: the reader ends once the queue is read.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Wake();
        }
    }

    /// <summary>The next event, or null once completed and read out.</summary>
    public async ValueTask<ReconnectEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (_gate)
            {
                if (_queue.TryDequeue(out var next))
                {
                    Took(next);
                    return next;
                }

                if (_completed)
                {
                    return null;
                }

                _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The reader stopped: no more events are kept for it.</summary>
    public void Unsubscribe()
    {
        _owner.Remove(this);
        Complete();
    }

    private void Took(ReconnectEvent taken)
    {
        switch (taken)
        {
            case EventsMissedEvent:
                _unreadMissed = 0;
                break;
            case CallSnapshotEvent:
                break;
            default:
                _unread--;
                break;
        }
    }

    private void Wake()
    {
        _waiter?.TrySetResult();
        _waiter = null;
    }
}
