using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;

namespace Reconnect.Core.Tests.Engine;

/// <summary>Flow reports at drawn gaps, each advancing the counts or not, to a connected remote that publishes.</summary>
internal sealed record FlowRun(int FrozenAfterMs, IReadOnlyList<(int GapMs, bool Advances)> Reports)
{
    public override string ToString() =>
        $"frozenAfter={FrozenAfterMs}ms reports=[{string.Join(", ", Reports.Take(30).Select(r => $"{r.GapMs}{(r.Advances ? "+" : "=")}"))}{(Reports.Count > 30 ? ", ..." : string.Empty)}]";
}

/// <summary>Whatever the order and spacing of flow reports, the media is judged frozen exactly when it first stood still for the bound.</summary>
public sealed class MediaWatchdogPropertyTests
{
    private static Gen<FlowRun> Runs =>
        from frozenAfter in Gen.Elements(1_000, 5_000)
        from count in Gen.Choose(1, 80)
        from reports in Gen.ListOf(
            from gap in Gen.OneOf(Gen.Choose(0, 300), Gen.Choose(0, 1_500), Gen.Choose(0, 6_000))
            from advances in Gen.Elements(true, false, false)
            select (gap, advances),
            count)
        select new FlowRun(frozenAfter, [.. reports]);

    [Fact]
    public void The_first_freeze_is_judged_at_the_first_report_whose_counts_stood_still_for_FrozenAfter()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(60),
            Prop.ForAll(Arb.From(Runs), run =>
            {
                var failure = Replay(run);
                return (failure is null).Label($"{run}\n{failure}");
            }));
    }

    /// <summary>Feeds the reports and compares the first freeze with the one the rule predicts; returns the mismatch, or null.</summary>
    private static string? Replay(FlowRun run)
    {
        var frozenAfter = TimeSpan.FromMilliseconds(run.FrozenAfterMs);
        var options = EngineHarness.LongLivedSocket with { MediaWatchdog = new() { FrozenAfter = frozenAfter } };
        var h = new EngineHarness(options).Join("A", "room", EngineHarness.Peer("B", null, null, "camB"));
        h.MediaConnected("B");
        long frames = 0;
        TimeSpan? stillSince = null;
        for (var i = 0; i < run.Reports.Count; i++)
        {
            var (gap, advances) = run.Reports[i];
            h.Advance(TimeSpan.FromMilliseconds(gap));
            var at = h.Now - Core.Time.Instant.Zero;
            frames += advances ? 1 : 0;
            var expected = !advances && stillSince is { } since && at - since >= frozenAfter;
            stillSince = advances || stillSince is null ? at : stillSince;
            var judged = h.Feed(new MediaFlowReported("B", 1, frames, 0)).OfType<MediaFrozenNotice>().Any();
            if (judged != expected)
            {
                return $"report {i} at {at.TotalMilliseconds}ms: judged frozen {judged}, expected {expected}";
            }

            if (judged)
            {
                return null;
            }
        }

        return null;
    }
}
