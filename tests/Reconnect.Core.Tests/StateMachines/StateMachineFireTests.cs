using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

public sealed class StateMachineFireTests
{
    private static readonly StateMachine<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext> Table = Turnstile.Table;

    [Fact]
    public void First_guarded_row_that_holds_wins_in_declaration_order()
    {
        var outcome = Table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, new TurnstileContext(Counterfeit: true, ExactFare: true));

        Assert.Equal(TurnstileState.Alarm, outcome.To);
        Assert.Equal("Coin [counterfeit]", outcome.Row?.Label);
    }

    [Fact]
    public void A_later_guarded_row_applies_when_earlier_guards_fail()
    {
        var outcome = Table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, new TurnstileContext(Counterfeit: false, ExactFare: true));

        Assert.Equal(TurnstileState.Unlocked, outcome.To);
        Assert.Equal("Coin [exact fare]", outcome.Row?.Label);
        Assert.Equal([TurnstileEffect.ReleaseBar, TurnstileEffect.CountFare, TurnstileEffect.GreenLight], outcome.Effects);
    }

    [Fact]
    public void Unguarded_row_applies_when_no_guard_holds()
    {
        var outcome = Table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, default);

        Assert.Equal(TurnstileState.Unlocked, outcome.To);
        Assert.Equal("Coin", outcome.Row?.Label);
        Assert.Null(outcome.Row?.Guard);
        Assert.False(outcome.Ignored);
    }

    [Fact]
    public void Ignored_trigger_returns_its_reason_and_no_effects()
    {
        var outcome = Table.Fire(TurnstileState.Unlocked, TurnstileTrigger.Coin, default);

        Assert.True(outcome.Ignored);
        Assert.Equal("already paid", outcome.IgnoredBecause);
        Assert.Empty(outcome.Effects);
        Assert.Null(outcome.Row);
        Assert.Equal(TurnstileState.Unlocked, outcome.From);
        Assert.Equal(TurnstileState.Unlocked, outcome.To);
        Assert.False(outcome.Changed);
    }

    [Fact]
    public void Unknown_trigger_throws_naming_machine_state_and_trigger()
    {
        var error = Assert.Throws<UnknownTransitionException>(() => Table.Fire(TurnstileState.Locked, TurnstileTrigger.Reset, default));

        Assert.Equal("Turnstile", error.Machine);
        Assert.Equal("Locked", error.State);
        Assert.Equal("Reset", error.Trigger);
        Assert.Equal("Machine 'Turnstile' has no transition from state 'Locked' on trigger 'Reset'.", error.Message);
    }

    [Fact]
    public void Accepts_is_true_for_rows_and_ignores_and_false_for_unknown_triggers()
    {
        Assert.True(Table.Accepts(TurnstileState.Locked, TurnstileTrigger.Coin, default));
        Assert.True(Table.Accepts(TurnstileState.Unlocked, TurnstileTrigger.Coin, default));
        Assert.False(Table.Accepts(TurnstileState.Locked, TurnstileTrigger.Reset, default));
    }

    [Fact]
    public void Accepts_is_false_when_only_guarded_rows_exist_and_none_holds()
    {
        var b = new StateMachineBuilder<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext>("Guarded", TurnstileState.Locked);
        b.In(TurnstileState.Locked).Stable("waits")
            .On(TurnstileTrigger.Coin).If(c => c.ExactFare, "exact fare").GoTo(TurnstileState.Unlocked)
            .On(TurnstileTrigger.Kick).GoTo(TurnstileState.Alarm)
            .On(TurnstileTrigger.Push).GoTo(TurnstileState.Broken);
        b.In(TurnstileState.Unlocked).Stable("waits");
        b.In(TurnstileState.Alarm).Stable("waits");
        b.In(TurnstileState.Broken).Terminal("done");
        var table = b.Build();

        Assert.False(table.Accepts(TurnstileState.Locked, TurnstileTrigger.Coin, default));
        Assert.Throws<UnknownTransitionException>(() => table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, default));
        Assert.True(table.Accepts(TurnstileState.Locked, TurnstileTrigger.Coin, new TurnstileContext(Counterfeit: false, ExactFare: true)));
    }

    [Fact]
    public void GoTo_runs_exit_of_source_then_row_effects_then_entry_of_destination()
    {
        var outcome = Table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, default);

        Assert.Equal(
            [TurnstileEffect.ReleaseBar, TurnstileEffect.CountFare, TurnstileEffect.RefundCoin, TurnstileEffect.GreenLight],
            outcome.Effects);
        Assert.True(outcome.Changed);
    }

    [Fact]
    public void GoTo_back_into_the_same_state_runs_its_exit_and_entry_effects()
    {
        var outcome = Table.Fire(TurnstileState.Alarm, TurnstileTrigger.Kick, default);

        Assert.Equal(TurnstileState.Alarm, outcome.To);
        Assert.False(outcome.Changed);
        Assert.Equal([TurnstileEffect.SilenceAlarm, TurnstileEffect.LogKick, TurnstileEffect.SoundAlarm], outcome.Effects);
    }

    [Fact]
    public void Stay_runs_only_the_row_effects()
    {
        var outcome = Table.Fire(TurnstileState.Locked, TurnstileTrigger.Push, default);

        Assert.Equal(TurnstileState.Locked, outcome.To);
        Assert.True(outcome.Row?.IsInternal);
        Assert.Equal([TurnstileEffect.Buzz], outcome.Effects);
    }

    [Fact]
    public void GoTo_without_row_effects_runs_exit_then_entry()
    {
        var outcome = Table.Fire(TurnstileState.Unlocked, TurnstileTrigger.Push, default);

        Assert.Equal(TurnstileState.Locked, outcome.To);
        Assert.Equal([TurnstileEffect.RedLight, TurnstileEffect.EngageBar], outcome.Effects);
    }
}
