using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;

namespace Reconnect.Core.Tests.Engine;

/// <summary>Presses of retry-now at drawn times, while every socket attempt fails at once, against a drawn min interval.</summary>
internal sealed record PressRun(ulong Seed, int MinIntervalMs, IReadOnlyList<int> PressGapsMs)
{
    public override string ToString() =>
        $"SEED=0x{Seed:x} minInterval={MinIntervalMs}ms presses={PressGapsMs.Count} gaps=[{string.Join(", ", PressGapsMs.Take(20))}{(PressGapsMs.Count > 20 ? ", ..." : string.Empty)}]";
}

/// <summary>The rate limit holds whatever the user does: presses never open sockets faster than the min interval allows.</summary>
public sealed class RetryNowPropertyTests
{
    private static Gen<PressRun> Runs =>
        from seed in Gen.Choose(0, int.MaxValue)
        from interval in Gen.Elements(100, 1_000, 5_000)
        from count in Gen.Choose(1, 60)
        from gaps in Gen.ListOf(Gen.OneOf(Gen.Choose(0, 50), Gen.Choose(0, 3_000), Gen.Choose(0, 20_000)), count)
        select new PressRun((ulong)seed, interval, [.. gaps]);

    [Fact]
    public void Socket_attempts_caused_by_presses_never_exceed_one_plus_elapsed_over_the_min_interval()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(40),
            Prop.ForAll(Arb.From(Runs), run =>
            {
                var failure = Replay(run);
                return (failure is null).Label($"{run}\n{failure}");
            }));
    }

    /// <summary>Runs the presses and returns what broke the bound, or null.</summary>
    private static string? Replay(PressRun run)
    {
        var options = new ReconnectOptions
        {
            RetryNowMinInterval = TimeSpan.FromMilliseconds(run.MinIntervalMs),
            Backoff = new() { MaxAttempts = 10_000 },
        };
        var h = new EngineHarness(options, run.Seed).Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.Advance(TimeSpan.FromMilliseconds(run.PressGapsMs[0]));
        var firstPress = h.Now;
        var caused = 0;
        foreach (var gap in run.PressGapsMs.Skip(1).Prepend(0))
        {
            h.Advance(TimeSpan.FromMilliseconds(gap));
            FailAttemptUnderWay(h);
            caused += h.Feed(new RetryNowRequested()).OfType<FetchToken>().Count();
            FailAttemptUnderWay(h);
            var bound = 1 + (long)((h.Now - firstPress) / options.RetryNowMinInterval);
            if (caused > bound)
            {
                return $"{caused} attempts caused by presses within {(h.Now - firstPress).TotalMilliseconds}ms, bound {bound}";
            }
        }

        return null;
    }

    /// <summary>Fails a socket attempt waiting for its token at once, so a backoff wait is armed for the next press to cut.</summary>
    private static void FailAttemptUnderWay(EngineHarness h)
    {
        if (h.Snapshot.Socket == SignallingSocketState.FetchingToken)
        {
            h.AnswerToken();
            h.DropSocket();
        }
    }
}
