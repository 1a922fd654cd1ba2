using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Reconnect.Core.Engine;
using Reconnect.Core.Options;
using Reconnect.Transports.Client;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class ReconnectClientMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attempts_restarts_errors_departures_and_heal_time_are_recorded_on_the_Reconnect_meter()
    {
        using var meters = new TestMeterFactory();
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = Listen(meters, measurements);
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithMeterFactory(meters).WithOptions(new ReconnectOptions { ForceMediaRestartOnReconnect = true }));
        var bob = call.Client("bob");
        var mallory = call.Client("mallory", b => b.WithMeterFactory(meters), token: "forged");

        var joins = Task.WhenAll(alice.JoinAsync("room", "alice", null, Ct), bob.JoinAsync("room", "bob", null, Ct));
        call.Run(TimeSpan.FromSeconds(5));
        await joins.WaitAsync(TestCall.Patience, Ct);
        call.DropSignalling("alice");
        call.Run(TimeSpan.FromSeconds(10));
        call.Fabric.BlockMedia("alice", true);
        call.Run(TimeSpan.FromSeconds(8));
        call.Fabric.BlockMedia("alice", false);
        call.Run(TimeSpan.FromSeconds(20));
        var leave = bob.LeaveAsync(Ct);
        call.Run(TimeSpan.FromSeconds(3));
        await leave.WaitAsync(TestCall.Patience, Ct);
        var forged = mallory.JoinAsync("room", "mallory", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ReconnectException>(() => forged.WaitAsync(TestCall.Patience, Ct));

        var recorded = measurements.ToList();
        Assert.Equal(3, Sum(recorded, ReconnectDiagnostics.SocketAttempts));
        Assert.InRange(Sum(recorded, ReconnectDiagnostics.IceRestarts), 1, 9);
        var error = Assert.Single(recorded, m => m.Name == ReconnectDiagnostics.Errors);
        Assert.Equal("TerminalCloseError", error.Tags[ReconnectDiagnostics.KindTag]);
        var departure = Assert.Single(recorded, m => m.Name == ReconnectDiagnostics.PeersLeft);
        Assert.Equal("left", departure.Tags[ReconnectDiagnostics.ReasonTag]);
        var heal = Assert.Single(recorded, m => m.Name == ReconnectDiagnostics.HealDuration);
        Assert.InRange(heal.Value, 1, 10_000);
    }

    [Fact]
    public async Task A_command_the_engine_rejects_is_not_counted_as_a_reconnect_error()
    {
        using var meters = new TestMeterFactory();
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = Listen(meters, measurements);
        await using var call = new TestCall();
        var alice = call.Client("alice", b => b.WithMeterFactory(meters));
        var rejected = new List<ErrorRaisedEvent>();
        alice.ErrorRaised += (_, e) => rejected.Add(e);
        var join = alice.JoinAsync("room", "alice", null, Ct);
        call.Run(TimeSpan.FromSeconds(1));
        await join.WaitAsync(TestCall.Patience, Ct);

        var second = alice.JoinAsync("room", "alice", null, Ct);
        await Assert.ThrowsAsync<ReconnectException>(() => second.WaitAsync(TestCall.Patience, Ct));
        await alice.DrainEventsAsync().WaitAsync(TestCall.Patience, Ct);

        Assert.IsType<CommandRejected>(Assert.Single(rejected).Error);
        Assert.Equal(1, Sum(measurements, ReconnectDiagnostics.SocketAttempts));
        Assert.DoesNotContain(measurements, m => m.Name == ReconnectDiagnostics.Errors);
    }

    private static MeterListener Listen(TestMeterFactory meters, ConcurrentQueue<Measurement> measurements)
    {
        var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == ReconnectDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue(new Measurement(i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue(new Measurement(i.Name, value, Tags(tags))));
        listener.Start();
        return listener;
    }

    private static double Sum(IEnumerable<Measurement> recorded, string name) =>
        recorded.Where(m => m.Name == name).Sum(m => m.Value);

    private static SortedDictionary<string, string> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            copy[key] = value?.ToString() ?? string.Empty;
        }

        return copy;
    }

    private sealed record Measurement(string Name, double Value, SortedDictionary<string, string> Tags);
}
