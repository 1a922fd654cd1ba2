using Reconnect.Core.Engine;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.Client;

public sealed class ReconnectClientMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attempts_restarts_errors_departures_and_heal_time_are_recorded_on_the_Reconnect_meter()
    {
        using var meters = new TestMeterFactory();
        using var measurements = new RecordedMeasurements(meters);
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

        var recorded = measurements.All;
        Assert.Equal(3, measurements.Sum(ReconnectDiagnostics.SocketAttempts));
        Assert.InRange(measurements.Sum(ReconnectDiagnostics.IceRestarts), 1, 9);
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
        using var measurements = new RecordedMeasurements(meters);
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
        Assert.Equal(1, measurements.Sum(ReconnectDiagnostics.SocketAttempts));
        Assert.DoesNotContain(measurements.All, m => m.Name == ReconnectDiagnostics.Errors);
    }
}
