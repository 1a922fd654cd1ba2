using System.Collections.Concurrent;

namespace Reconnect.Server.Signalling;

/// <summary>Counts open connections per remote address and refuses one past the limit. Thread-safe.</summary>
internal sealed class AddressLimiter
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for an address; false (and no slot) when it already holds <paramref name="limit"/>.</summary>
    public bool TryAcquire(string address, int limit)
    {
        while (true)
        {
            var current = open.GetOrAdd(address, 0);
            if (current >= limit)
            {
                return false;
            }

            if (open.TryUpdate(address, current + 1, current))
            {
                return true;
            }
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release(string address)
    {
        while (open.TryGetValue(address, out var current))
        {
            if (current <= 1 ? open.TryRemove(new KeyValuePair<string, int>(address, current)) : open.TryUpdate(address, current - 1, current))
            {
                return;
            }
        }
    }
}
