using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

/// <summary>How a table runs on Stateless: which row a trigger takes, which effects it records and in what order.</summary>
public sealed class StateMachineFireTests
{
    private static readonly MachineTable<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext> Table = Turnstile.Table;

    [Theory]
    [InlineData(true, true, "Alarm", "Coin [counterfeit]")]
    [InlineData(true, false, "Alarm", "Coin [counterfeit]")]
    [InlineData(false, true, "Unlocked", "Coin [exact fare]")]
    [InlineData(false, false, "Unlocked", "Coin [overpaid]")]
    public void The_row_whose_guard_holds_is_taken(bool counterfeit, bool exactFare, string to, string label)
    {
        var outcome = Table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, new TurnstileContext(counterfeit, exactFare));

        Assert.Equal(to, outcome.To.ToString());
        Assert.Equal(label, outcome.Row?.Label);
        Assert.False(outcome.Ignored);
    }

    [Fact]
    public void An_ignore_beside_guarded_rows_applies_only_when_no_guard_holds()
    {
        var ignored = Table.Fire(TurnstileState.Unlocked, TurnstileTrigger.Coin, default);
        var taken = Table.Fire(TurnstileState.Unlocked, TurnstileTrigger.Coin, new TurnstileContext(Counterfeit: true, ExactFare: false));

        Assert.True(ignored.Ignored);
        Assert.Equal("already paid", ignored.IgnoredBecause);
        Assert.Empty(ignored.Effects);
        Assert.Null(ignored.Row);
        Assert.Equal(TurnstileState.Unlocked, ignored.From);
        Assert.Equal(TurnstileState.Unlocked, ignored.To);
        Assert.False(ignored.Changed);
        Assert.Equal("Unlocked ignores Coin", ignored.Key);
        Assert.Equal(TurnstileState.Alarm, taken.To);
        Assert.Equal([TurnstileEffect.RedLight, TurnstileEffect.SoundAlarm], taken.Effects);
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
    public void A_trigger_whose_only_guarded_rows_all_fail_is_unhandled()
    {
        var b = new MachineTableBuilder<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext>("Guarded", TurnstileState.Locked);
        b.In(TurnstileState.Locked).Stable("waits")
            .On(TurnstileTrigger.Coin).If(c => c.ExactFare, "exact fare").GoTo(TurnstileState.Unlocked)
            .On(TurnstileTrigger.Kick).GoTo(TurnstileState.Alarm)
            .On(TurnstileTrigger.Push).GoTo(TurnstileState.Broken);
        b.In(TurnstileState.Unlocked).Stable("waits");
        b.In(TurnstileState.Alarm).Stable("waits");
        b.In(TurnstileState.Broken).Terminal("done");
        var table = b.Build();

        Assert.Throws<UnknownTransitionException>(() => table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, default));
        Assert.Equal(TurnstileState.Unlocked, table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, new TurnstileContext(false, true)).To);
    }

    [Fact]
    public void Guards_that_hold_together_are_refused_by_Stateless_when_fired()
    {
        var b = new MachineTableBuilder<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext>("Overlapping", TurnstileState.Locked);
        b.In(TurnstileState.Locked).Stable("waits")
            .On(TurnstileTrigger.Coin).If(c => c.ExactFare, "exact fare").GoTo(TurnstileState.Unlocked)
            .On(TurnstileTrigger.Coin).If(c => !c.Counterfeit, "genuine").GoTo(TurnstileState.Alarm)
            .On(TurnstileTrigger.Push).GoTo(TurnstileState.Broken);
        b.In(TurnstileState.Unlocked).Stable("waits");
        b.In(TurnstileState.Alarm).Stable("waits");
        b.In(TurnstileState.Broken).Terminal("done");
        var table = b.Build();

        var error = Assert.Throws<InvalidOperationException>(() => table.Fire(TurnstileState.Locked, TurnstileTrigger.Coin, new TurnstileContext(false, true)));
        Assert.Contains("mutually exclusive", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void An_attached_machine_reads_and_writes_the_state_its_owner_keeps()
    {
        var owner = new TurnstileRecord { State = TurnstileState.Locked };
        var machine = Table.Attach(() => owner.State, s => owner.State = s);

        machine.Fire(TurnstileTrigger.Coin, default);
        Assert.Equal(TurnstileState.Unlocked, owner.State);

        owner.State = TurnstileState.Alarm;
        Assert.Equal(TurnstileState.Alarm, machine.State);
        Assert.Equal(TurnstileState.Locked, machine.Fire(TurnstileTrigger.Reset, default).To);
        Assert.Equal(TurnstileState.Locked, owner.State);
    }

    [Fact]
    public void Effects_of_one_firing_are_not_changed_by_the_next()
    {
        var state = TurnstileState.Locked;
        var machine = Table.Attach(() => state, s => state = s);

        var first = machine.Fire(TurnstileTrigger.Coin, default);
        machine.Fire(TurnstileTrigger.Push, default);

        Assert.Equal(
            [TurnstileEffect.ReleaseBar, TurnstileEffect.CountFare, TurnstileEffect.RefundCoin, TurnstileEffect.GreenLight],
            first.Effects);
    }

    private sealed class TurnstileRecord
    {
        public TurnstileState State { get; set; }
    }
}
