using System.Reflection;
using Microsoft.Extensions.Logging;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Protocol;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

/// <summary>A throwing handler is reported through UnhandledHandlerException, the stream and the log, and breaks nothing.</summary>
public sealed class ReconnectClientHandlerFailureTests
{
    private static readonly MethodInfo ThrowerOf = typeof(ReconnectClientHandlerFailureTests).GetMethod(nameof(Thrower), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo CounterOf = typeof(ReconnectClientHandlerFailureTests).GetMethod(nameof(Counter), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_event_of_the_client_and_of_its_remote_peers_reports_each_throw_once_without_a_logger_and_runs_the_next_handler()
    {
        using var meters = new TestMeterFactory();
        using var measurements = new RecordedMeasurements(meters);
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithMeterFactory(meters).WithOptions(new ReconnectOptions { ForceMediaRestartOnReconnect = true }));
        var bob = call.Client("bob");
        var raised = new Dictionary<string, int>(StringComparer.Ordinal);
        var reports = new List<UnhandledHandlerExceptionEvent>();
        alice.UnhandledHandlerException += (_, e) => reports.Add(e);
        Wire(alice, nameof(ReconnectClient), raised);
        alice.PeerJoined += (_, e) => Wire(e.Peer, $"RemotePeer({e.Peer.Id})", raised);
        var stream = alice.Events(Ct);

        await bob.PublishAsync(new StreamInfo("cam", new Dictionary<string, string>()), Ct);
        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        call.DropSignalling("alice");
        call.Run(TimeSpan.FromSeconds(10));
        var leave = bob.LeaveAsync(Ct);
        call.Run(TimeSpan.FromSeconds(3));
        await leave.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
        var streamed = (await stream.ToListAsync(Ct)).OfType<UnhandledHandlerExceptionEvent>().ToList();

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "ReconnectClient.StateChanged", "ReconnectClient.PeerJoined", "ReconnectClient.PeerLeft", "ReconnectClient.StreamAdded",
                "ReconnectClient.StreamRemoved", "ReconnectClient.NoticeDispatched", "RemotePeer(bob).StateChanged",
                "RemotePeer(bob).StreamAdded", "RemotePeer(bob).StreamRemoved", "RemotePeer(bob).DataChannelsReset",
            },
            raised.Keys.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(raised.OrderBy(r => r.Key, StringComparer.Ordinal), reports.GroupBy(r => r.Event).Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.All(reports, r => Assert.Equal(r.Event, Assert.IsType<InvalidOperationException>(r.Exception).Message));
        Assert.All(reports, r => Assert.Contains(nameof(Thrower), r.Handler, StringComparison.Ordinal));
        Assert.Equal(reports, streamed);
        Assert.Equal(
            reports.Select(r => r.Event),
            measurements.All.Where(m => m.Name == ReconnectDiagnostics.HandlerFailures).Select(m => m.Tags[ReconnectDiagnostics.EventTag]));
        Assert.Equal(5, raised["ReconnectClient.StateChanged"]);
        Assert.Equal(LocalPeerState.Closed, alice.State);
    }

    [Fact]
    public async Task A_throwing_handler_of_UnhandledHandlerException_is_logged_and_streamed_but_never_raised_again()
    {
        await using var call = new TestCall();
        var logs = new RecordingLoggerFactory();
        var alice = call.Client("alice", b => b.WithLoggerFactory(logs));
        var seen = new List<UnhandledHandlerExceptionEvent>();
        alice.StateChanged += (_, _) => throw new InvalidOperationException("the app's handler is broken");
        alice.UnhandledHandlerException += (_, _) => throw new InvalidOperationException("the app's reporter is broken too");
        alice.UnhandledHandlerException += (_, e) => seen.Add(e);
        var stream = alice.Events(Ct);

        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);
        await alice.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);
        var events = await stream.ToListAsync(Ct);

        Assert.Equal(3, seen.Count);
        Assert.All(seen, e => Assert.Equal("ReconnectClient.StateChanged", e.Event));
        var sequence = events
            .Where(e => e is StateChangedEvent or UnhandledHandlerExceptionEvent)
            .Select(e => e is UnhandledHandlerExceptionEvent u ? u.Event : "state")
            .ToList();
        Assert.Equal(
            Enumerable.Repeat<string[]>(["state", "ReconnectClient.StateChanged", "ReconnectClient.UnhandledHandlerException"], 3).SelectMany(s => s),
            sequence);
        var logged = logs.Entries.Where(e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException).ToList();
        Assert.Equal(6, logged.Count);
        Assert.Equal(3, logged.Count(e => e.Message.Contains("ReconnectClient.UnhandledHandlerException", StringComparison.Ordinal)));
    }

    /// <summary>On every event of <paramref name="target"/> but UnhandledHandlerException: a throwing handler, then one that counts.</summary>
    private static void Wire(object target, string owner, Dictionary<string, int> raised)
    {
        foreach (var info in target.GetType().GetEvents().Where(e => e.Name != nameof(ReconnectClient.UnhandledHandlerException)))
        {
            var args = info.EventHandlerType!.GetGenericArguments()[0];
            var name = $"{owner}.{info.Name}";
            info.AddEventHandler(target, (Delegate)ThrowerOf.MakeGenericMethod(args).Invoke(null, [name])!);
            info.AddEventHandler(target, (Delegate)CounterOf.MakeGenericMethod(args).Invoke(null, [name, raised])!);
        }
    }

    private static EventHandler<T> Thrower<T>(string name) => (_, _) => throw new InvalidOperationException(name);

    private static EventHandler<T> Counter<T>(string name, Dictionary<string, int> raised) => (_, _) => raised[name] = raised.GetValueOrDefault(name) + 1;
}
