using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Exploration;

/// <summary>The explorer draws the inputs of the rules added for long calls: retry-now presses, the reconnecting-visible threshold, the retry-now rate limit and tokens with lifetimes.</summary>
public sealed class NewRuleGeneratorTests
{
    [Fact]
    public void Schedules_press_retry_now_for_any_peer()
    {
        var faults = FaultScheduleGen.Of(FaultKind.RetryNow, ExplorationCase.PeerNames(3)).Sample(300, new Rnd(1), 30);

        Assert.Contains(FaultScheduleGen.Schedule(3, 4).Sample(300, new Rnd(2), 30).SelectMany(s => s), f => f.Kind == FaultKind.RetryNow);
        Assert.Equal(ExplorationCase.PeerNames(3).Order(), faults.Select(f => f.Peer!).Distinct().Order());
        Assert.All(faults, f => Assert.InRange(f.AtMs, 0, ExplorationCase.SafetyPhaseMs - 1));
    }

    [Fact]
    public void Setups_move_the_reconnecting_visible_threshold_and_the_retry_now_rate_limit_within_their_valid_ranges()
    {
        var options = OptionsGen.Options.Sample(400, new Rnd(3), 30);

        Assert.Contains(options, o => o.ReconnectingVisibleAfterMs is null);
        Assert.Contains(options, o => o.RetryNowMinIntervalMs is null);
        Assert.All(options.Where(o => o.ReconnectingVisibleAfterMs is not null), o => Assert.InRange(o.ReconnectingVisibleAfterMs!.Value, 1, 10_000));
        Assert.All(options.Where(o => o.RetryNowMinIntervalMs is not null), o => Assert.InRange(o.RetryNowMinIntervalMs!.Value, 1, 30_000));
        Assert.All(options, o => Assert.True(new ReconnectOptionsValidator().Validate(null, o.ToOptions()).Succeeded));
    }

    [Fact]
    public void Setups_sometimes_shorten_the_ice_restart_ladder_so_schedules_can_spend_it()
    {
        var options = OptionsGen.Options.Sample(400, new Rnd(5), 30);

        Assert.Contains(options, o => o.IceRestartAttempts == 1);
        Assert.Contains(options, o => o.IceRestartAttempts is null);
        Assert.All(options.Where(o => o.IceRestartAttempts is not null), o => Assert.InRange(o.IceRestartAttempts!.Value, 1, 9));
        Assert.All(options.Where(o => o.IceAttemptTimeoutMs is not null), o => Assert.InRange(o.IceAttemptTimeoutMs!.Value, 2_000, 15_000));
        Assert.Contains(OptionsGen.Shrink(new PeerSetup(true, new PeerOptionsSpec { IceRestartAttempts = 1, IceAttemptTimeoutMs = 2_000 })), s => s.Options.IceRestartAttempts is null);
    }

    [Fact]
    public void Cases_sometimes_give_tokens_a_lifetime_that_the_scenario_carries_to_the_server()
    {
        var cases = ExplorationArb.Cases(2, 2).Sample(400, new Rnd(4), 30);
        var timed = cases.Where(c => c.TokenLifetimeMs is not null).ToList();

        Assert.NotEmpty(timed);
        Assert.Contains(cases, c => c.TokenLifetimeMs is null);
        Assert.All(timed, c => Assert.InRange(c.TokenLifetimeMs!.Value, 10_000, 600_000));
        Assert.All(timed, c => Assert.Equal(c.TokenLifetimeMs, c.ToScenario().Server.TokenLifetimeMs));
        Assert.All(timed, c => Assert.Empty(ScenarioLoader.Validate(c.ToScenario())));
    }

    [Fact]
    public void A_case_with_token_lifetimes_shrinks_to_tokens_that_never_expire_and_keeps_its_seed()
    {
        var timed = new ExplorationCase(9, [PeerSetup.Baseline, PeerSetup.Baseline], []) { TokenLifetimeMs = 20_000 };

        var shrunk = ExplorationArb.Shrink(timed).ToList();

        Assert.Contains(shrunk, c => c.TokenLifetimeMs is null && c.Seed == 9);
        Assert.NotEqual(timed, timed with { TokenLifetimeMs = null });
    }

    [Fact]
    public void The_options_knobs_of_the_new_rules_shrink_back_to_their_defaults()
    {
        var setup = new PeerSetup(true, new PeerOptionsSpec { RetryFirstConnect = true, ReconnectingVisibleAfterMs = 50, RetryNowMinIntervalMs = 70 });

        var shrunk = OptionsGen.Shrink(setup).Select(s => s.Options).ToList();

        Assert.Contains(shrunk, o => o is { ReconnectingVisibleAfterMs: null, RetryNowMinIntervalMs: 70 });
        Assert.Contains(shrunk, o => o is { ReconnectingVisibleAfterMs: 50, RetryNowMinIntervalMs: null });
    }
}
