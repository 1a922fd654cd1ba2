using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;

namespace Reconnect.EndToEnd.Tests;

/// <summary>
/// Watches a whole call while something happens beside it: nothing may show in its trace (no peer leaving or joining,
/// no error, no state change, no retry, no ignored input), no client may reconnect, the server's pongs must keep
/// coming on every client's socket, and nothing else may come: no more than heartbeats' worth of bytes.
/// </summary>
internal sealed class CallQuietWatch
{
    /// <summary>Far more than the pongs of the longest watch, far less than any stray frame the tests provoke.</summary>
    public const long HeartbeatBytes = 4 * 1024;

    private static readonly string[] Disturbances =
    [
        TraceEventKind.PeerLeft, TraceEventKind.PeerJoined, TraceEventKind.Error, TraceEventKind.StateChange, TraceEventKind.RemoteStateChange,
        TraceEventKind.SocketAttempt, TraceEventKind.SocketRetry, TraceEventKind.IceRestart, TraceEventKind.Ignored,
    ];

    private readonly LiveCall _call;
    private readonly int _mark;
    private readonly Dictionary<string, int> _connections;
    private readonly Dictionary<string, long> _bytes;

    private CallQuietWatch(LiveCall call)
    {
        _call = call;
        _mark = call.Recorder.Events.Count;
        _connections = call.Clients.Keys.ToDictionary(name => name, name => call.Proxy(name).Connections.Count, StringComparer.Ordinal);
        _bytes = call.Clients.Keys.ToDictionary(name => name, BytesFromServer, StringComparer.Ordinal);
    }

    /// <summary>Starts watching once the call is whole with every stream in place.</summary>
    public static async Task<CallQuietWatch> StartAsync(LiveCall call)
    {
        Assert.True(await call.StreamsBackAsync(), "Streams never came:\n" + call.Timeline());
        return new CallQuietWatch(call);
    }

    /// <summary>Asserts that the call saw nothing since the start, once a pong more came to every client.</summary>
    public async Task AssertNothingWrongAsync()
    {
        var received = _call.Clients.Keys.ToDictionary(name => name, BytesFromServer, StringComparer.Ordinal);
        Assert.True(
            await CallProbe.WaitAsync(() => received.All(r => BytesFromServer(r.Key) > r.Value), LiveCall.Patience, LiveCall.Ct),
            "The pongs stopped:\n" + _call.Timeline());
        var disturbances = _call.Recorder.Events.Skip(_mark).Where(e => Disturbances.Contains(e.Event)).ToList();
        Assert.True(disturbances.Count == 0, "The call saw something:\n" + new TimelinePrinter().Print(disturbances));
        Assert.All(_connections, c => Assert.Equal(c.Value, _call.Proxy(c.Key).Connections.Count));
        Assert.All(_bytes, b => Assert.InRange(BytesFromServer(b.Key) - b.Value, 1, HeartbeatBytes));
    }

    private long BytesFromServer(string name) => _call.Proxy(name).Connections[^1].BytesFromServer;
}
