using Microsoft.Extensions.Logging;

namespace Reconnect;

/// <summary>
/// The subscribers of <see cref="ReconnectClient.Events"/>. Each starts with a snapshot and gets every later event
/// through a buffer of its own; publishing never waits (see <see cref="EventSubscriber"/> for a slow one). Subscribe,
/// publish and complete are called under the client's lock, so a snapshot and the events after it never overlap or
/// leave a hole.
/// </summary>
internal sealed class EventSubscriptions(int capacity, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<EventSubscriber> _subscribers = [];
    private bool _completed;

    /// <summary>A new subscriber that reads <paramref name="snapshot"/> first; once completed, only the snapshot.</summary>
    public EventSubscriber Subscribe(CallSnapshotEvent snapshot)
    {
        var subscriber = new EventSubscriber(capacity, snapshot, this);
        lock (_gate)
        {
            if (_completed)
            {
                subscriber.Complete();
            }
            else
            {
                _subscribers.Add(subscriber);
            }
        }

        return subscriber;
    }

    /// <summary>Offers an event to every subscriber; one that falls behind gets a gap and a fresh snapshot, taken once.</summary>
    public void Publish(ReconnectEvent evt, Func<CallSnapshotEvent> snapshot)
    {
        CallSnapshotEvent? fresh = null;
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                if (subscriber.Offer(evt, () => fresh ??= snapshot()) is { } missed)
                {
                    ClientLog.EventsMissed(logger, capacity, missed);
                }
            }
        }
    }

    /// <summary>Ends every sequence once its remaining events are read; later subscribers get the snapshot alone.</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Complete();
            }

            _subscribers.Clear();
        }
    }

    /// <summary>A subscriber stopped reading.</summary>
    public void Remove(EventSubscriber subscriber)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscriber);
        }
    }
}
