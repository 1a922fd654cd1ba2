using System.Collections.Concurrent;

namespace Reconnect.Server.Signalling;

/// <summary>Counts open connections per key (a remote address, an account) and refuses one past a limit. Thread-safe.</summary>
internal sealed class ConnectionCounter
{
    private readonly ConcurrentDictionary<string, int> open = new(StringComparer.Ordinal);

    /// <summary>Takes a slot for a key; false (and no slot) when it already holds <paramref name="limit"/>.</summary>
    public bool TryAcquire(string key, int limit)
    {
        while (true)
        {
            var current = open.GetOrAdd(key, 0);
            if (current >= limit)
            {
                return false;
            }

            if (open.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    /// <summary>Gives a slot back.</summary>
    public void Release(string key)
    {
        while (open.TryGetValue(key, out var current))
        {
            if (current <= 1 ? open.TryRemove(new KeyValuePair<string, int>(key, current)) : open.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }
}

/// <summary>The process-wide connection counts: per remote address and per account.</summary>
internal sealed class ConnectionLimits
{
    /// <summary>Open connections per remote address.</summary>
    public ConnectionCounter ByAddress { get; } = new();

    /// <summary>Open connections per account (a token's subject), over every channel loop.</summary>
    public ConnectionCounter ByAccount { get; } = new();
}
