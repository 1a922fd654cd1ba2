using System.Runtime.CompilerServices;

namespace Reconnect;

/// <summary>
/// The sequence <see cref="ReconnectClient.Events"/> returns: its first enumeration reads the subscriber made by
/// that call (so nothing between the call and the first read is lost); every later enumeration subscribes anew,
/// with a snapshot of its own. Each enumeration therefore gets every event from its start.
/// </summary>
internal sealed class EventStream(EventSubscriber first, Func<EventSubscriber> subscribe, CancellationToken cancellationToken) : IAsyncEnumerable<ReconnectEvent>
{
    private EventSubscriber? _first = first;

    public IAsyncEnumerator<ReconnectEvent> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var subscriber = Interlocked.Exchange(ref _first, null) ?? subscribe();
        return Read(subscriber, default).GetAsyncEnumerator(cancellationToken);
    }

    private async IAsyncEnumerable<ReconnectEvent> Read(EventSubscriber subscriber, [EnumeratorCancellation] CancellationToken enumerationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumerationToken);
        try
        {
            while (await subscriber.ReadAsync(linked.Token).ConfigureAwait(false) is { } evt)
            {
                yield return evt;
            }
        }
        finally
        {
            subscriber.Unsubscribe();
        }
    }
}
