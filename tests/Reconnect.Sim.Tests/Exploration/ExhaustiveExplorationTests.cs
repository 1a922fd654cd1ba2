using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Exploration;

public sealed class ExhaustiveExplorationTests
{
    [Fact]
    public void Every_order_of_two_coinciding_faults_heals()
    {
        var result = new Explorer().RunExhaustive(peers: 2, faults: 2, seed: 1, maxRunsPerSchedule: 6);

        Assert.True(result.Passed, FailureMessage.Of(result));
        Assert.Equal(FaultOrders.Schedules(2, 2).Count, result.Schedules);
        Assert.True(result.Runs > result.Schedules, $"expected more than one ordering per schedule: {result.Summary}");
    }

    [Fact]
    public void Fault_orders_place_each_fault_on_every_slot_once_per_distinct_time_assignment()
    {
        var schedules = FaultOrders.Schedules(2, 2);

        Assert.Equal(
            ["10000,10000", "10000,11000", "11000,10000"],
            schedules.Select(s => string.Join(",", s.Select(f => f.AtMs))));
        Assert.All(schedules, s => Assert.Equal([FaultKind.Offline, FaultKind.MediaDrop], s.Select(f => f.Kind)));
    }

    [Fact]
    public void Three_faults_over_four_slots_give_every_distinct_order()
    {
        var schedules = FaultOrders.Schedules(3, 3);

        Assert.Equal(12, schedules.Count);
        Assert.Equal(schedules.Count, schedules.Select(s => string.Join(",", s.Select(f => f.AtMs))).Distinct().Count());
        Assert.All(schedules, s => Assert.Equal("C", s[1].Peer));
    }
}
