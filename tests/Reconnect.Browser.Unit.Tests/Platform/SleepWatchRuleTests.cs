using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser.Platform;
using Reconnect.Browser.Unit.Tests.Support;
using Reconnect.Hosting;

namespace Reconnect.Browser.Unit.Tests.Platform;

/// <summary>
/// The page's sleep watch: its one-second tick, or the page coming back (visible, resume), that finds more than a tick
/// plus the pump's sleep threshold gone since the last check tells the engine it woke, for the time lost beyond the
/// tick; any shorter gap, and any other lifecycle word, tells it nothing.
/// </summary>
public sealed class SleepWatchRuleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    [Fact]
    public void Every_gap_longer_than_a_tick_and_the_threshold_is_one_wake_for_the_time_lost_and_no_shorter_gap_is()
    {
        var gapsMs = Gen.ListOf(Gen.OneOf(Gen.Choose(0, 8_000), Gen.Choose(0, 600_000)));
        var checks = Gen.Elements("tick", "visible", "resume", "hidden", "freeze");
        Prop.ForAll(Gen.ListOf(Gen.Zip(gapsMs.Select(g => g.Sum()), checks)).ToArbitrary(), steps =>
            {
                var clock = new ManualClock();
                var woke = new List<TimeSpan>();
                using var watch = new SleepWatch(clock, woke.Add);
                var expected = new List<TimeSpan>();
                var sinceCheck = TimeSpan.Zero;

                foreach (var (gapMs, check) in steps)
                {
                    var gap = TimeSpan.FromMilliseconds(gapMs);
                    clock.Advance(gap);
                    sinceCheck += gap;
                    if (check is "hidden" or "freeze")
                    {
                        watch.LifecycleChanged(check);
                        continue;
                    }

                    if (check == "tick")
                    {
                        clock.Fire();
                    }
                    else
                    {
                        watch.LifecycleChanged(check);
                    }

                    if (sinceCheck > Tick + EnginePump.DefaultSleepThreshold)
                    {
                        expected.Add(sinceCheck - Tick);
                    }

                    sinceCheck = TimeSpan.Zero;
                }

                Assert.Equal(expected, woke);
            })
            .QuickCheckThrowOnFailure();
    }
}
