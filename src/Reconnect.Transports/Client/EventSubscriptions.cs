using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Reconnect.Transports.Client;

/// <summary>
/// The subscribers of <see cref="ReconnectClient.Events"/>: each has its own bounded channel that drops its
/// oldest event, with a logged warning, when the subscriber falls behind.
/// </summary>
internal sealed class EventSubscriptions(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<Channel<ReconnectEvent>> _subscribers = [];
    private bool _completed;

    /// <summary>Subscribes now; the sequence ends when the client has closed and every event was read.</summary>
    public IAsyncEnumerable<ReconnectEvent> Subscribe(int capacity, CancellationToken cancellationToken)
    {
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        };
        var channel = System.Threading.Channels.Channel.CreateBounded<ReconnectEvent>(options, dropped => ClientLog.EventDropped(logger, capacity, dropped.GetType().Name));
        lock (_gate)
        {
            if (_completed)
            {
                channel.Writer.TryComplete();
            }
            else
            {
                _subscribers.Add(channel);
            }
        }

        return Read(channel, cancellationToken);
    }

    public void Publish(ReconnectEvent evt)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(evt);
            }
        }
    }

    /// <summary>Ends every sequence once its remaining events are read; later subscribers get an empty sequence.</summary>
    public void CompleteAll()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    private async IAsyncEnumerable<ReconnectEvent> Read(Channel<ReconnectEvent> channel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var evt in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return evt;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
        }
    }
}
