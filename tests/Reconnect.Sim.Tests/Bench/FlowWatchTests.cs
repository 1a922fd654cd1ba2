using Reconnect.Testing.Bench;

namespace Reconnect.Sim.Tests.Bench;

public sealed class FlowWatchTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Video_that_never_stopped_counts_from_the_first_reading_that_shows_it_advancing_once_the_call_is_whole()
    {
        var healed = Watch(at => (at >= 0.8, Both(Flowing(at, from: 0))));

        Assert.Equal(0.1, healed);
    }

    [Fact]
    public void Video_that_comes_back_counts_from_the_first_reading_after_it_resumed_on_both_pairs()
    {
        var healed = Watch(at => (at >= 2.0, new Dictionary<string, PairFrames>
        {
            ["a<-b"] = Flowing(at, from: 2.05),
            ["b<-a"] = Flowing(at, from: 2.45),
        }));

        Assert.Equal(2.5, healed);
    }

    [Fact]
    public void A_rebuild_after_the_call_looked_whole_restarts_the_count_from_the_new_connections_flow()
    {
        // Old media flows on; the call is whole at 1 s; at 1.5 s the connection is rebuilt (counts from zero, nothing
        // until 3 s) and the call is whole again from 3 s.
        var healed = Watch(at => (at is >= 1.0 and < 1.5 or >= 3.0, Both(at < 1.5 ? Flowing(at, from: 0) : Flowing(at, from: 3.05))));

        Assert.Equal(3.1, healed);
    }

    [Fact]
    public void One_way_standing_still_longer_than_the_tolerance_breaks_the_flow_even_while_the_other_flows()
    {
        var healed = Watch(at => (true, new Dictionary<string, PairFrames>
        {
            ["a<-b"] = Flowing(at, from: 0),
            ["b<-a"] = Paused(at, stoppedAt: 1.0, resumedAt: 3.05),
        }));

        Assert.Equal(3.1, healed);
    }

    [Fact]
    public void A_pause_shorter_than_the_tolerance_does_not_break_the_flow()
    {
        var healed = Watch(at => (true, Both(Paused(at, stoppedAt: 1.0, resumedAt: 1.6))));

        Assert.Equal(0.1, healed);
    }

    [Fact]
    public void Video_flowing_in_a_call_that_never_becomes_whole_never_counts()
    {
        Assert.Null(Watch(at => (false, Both(Flowing(at, from: 0)))));
    }

    /// <summary>Feeds a reading every 100 ms for 20 s; the heal it reports, in seconds, or null.</summary>
    private static double? Watch(Func<double, (bool Whole, Dictionary<string, PairFrames> Frames)> reading)
    {
        var watch = new FlowWatch(framesThatShowFlow: 15, stallTolerance: TimeSpan.FromSeconds(1), settle: TimeSpan.FromSeconds(3));
        for (var tick = 0; tick <= 200; tick++)
        {
            var at = tick * Poll;
            var (whole, frames) = reading(at.TotalSeconds);
            if (watch.Read(at, whole, frames) is { } healed)
            {
                return Math.Round(healed.TotalSeconds, 3);
            }
        }

        return null;
    }

    private static Dictionary<string, PairFrames> Both(PairFrames frames) => new() { ["a<-b"] = frames, ["b<-a"] = frames };

    /// <summary>Thirty frames a second decoded and presented since <paramref name="from"/>, none before.</summary>
    private static PairFrames Flowing(double at, double from)
    {
        var frames = at < from ? 0 : 1 + (long)Math.Floor((at - from) * 30);
        return new PairFrames(frames, frames);
    }

    /// <summary>Frames flowing from 0, standing still from <paramref name="stoppedAt"/>, flowing on from <paramref name="resumedAt"/>.</summary>
    private static PairFrames Paused(double at, double stoppedAt, double resumedAt)
    {
        var before = Flowing(Math.Min(at, stoppedAt), from: 0);
        var after = Flowing(at, from: resumedAt);
        return new PairFrames(before.Decoded + after.Decoded, before.Presented + after.Presented);
    }
}
