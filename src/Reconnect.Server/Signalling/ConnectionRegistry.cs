using System.Collections.Concurrent;

namespace Reconnect.Server.Signalling;

/// <summary>Every open signalling connection of this process, so a stopping server can reach the ones no loop holds yet.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<long, SignalConnection> open = new();
    private long lastId;
    private int stopping;

    /// <summary>True once the server started stopping: new connections are sent away.</summary>
    public bool Stopping => Volatile.Read(ref stopping) != 0;

    /// <summary>How many connections are open.</summary>
    public int Count => open.Count;

    /// <summary>A connection id never used before in this process.</summary>
    public long NextId() => Interlocked.Increment(ref lastId);

    /// <summary>Records an open connection.</summary>
    public void Add(SignalConnection connection) => open[connection.Id] = connection;

    /// <summary>Forgets a connection that ended.</summary>
    public void Remove(SignalConnection connection) => open.TryRemove(connection.Id, out _);

    /// <summary>Marks the server stopping and returns the connections open at that moment, in id order.</summary>
    public IReadOnlyList<SignalConnection> BeginStopping()
    {
        Volatile.Write(ref stopping, 1);
        return [.. open.Values.OrderBy(c => c.Id)];
    }
}
