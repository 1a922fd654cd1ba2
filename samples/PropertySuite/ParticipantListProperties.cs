using FsCheck.Xunit;
using Reconnect.Testing.Calls;
using Reconnect.Testing.Exploration;
using Xunit;

namespace Reconnect.Samples.PropertySuite;

public sealed class ParticipantListProperties
{
    [Property(Arbitrary = [typeof(FaultSchedules)], MaxTest = 12)]
    public async Task After_any_drop_the_list_shows_each_other_peer_once_connected(FaultSchedule schedule)
    {
        await using var call = new VirtualCall(schedule.Seed);
        var alice = call.AddClient("alice");
        var bob = call.AddClient("bob");
        var aliceSees = new ParticipantList(alice);
        var bobSees = new ParticipantList(bob);
        await call.RunAsync(Task.WhenAll(
            alice.JoinAsync(FaultSchedule.Channel, "alice"), bob.JoinAsync(FaultSchedule.Channel, "bob")));

        call.Inject(schedule.Faults);
        var healed = await call.RunUntilHealedAsync(schedule.End + TimeSpan.FromMinutes(3));

        var seen = $"alice sees [{string.Join(", ", aliceSees.Rows)}], bob sees [{string.Join(", ", bobSees.Rows)}]";
        Assert.True(healed, $"not healed; {seen}; {schedule}");
        Assert.True(aliceSees.Rows.SequenceEqual(["bob: Connected"]), $"{seen}; {schedule}");
        Assert.True(bobSees.Rows.SequenceEqual(["alice: Connected"]), $"{seen}; {schedule}");
        Assert.True(call.Violations.Count == 0, $"{string.Join("\n", call.Violations)}; {schedule}");
    }
}
