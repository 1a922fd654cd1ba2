using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

/// <summary>
/// Superstates and rows that choose their destination, as the kit runs them on Stateless: a substate inherits its
/// superstate's rows and rules, its own rows win, moving between substates neither leaves nor enters the superstate,
/// and a superstate's row into the substate the machine stands in re-enters it.
/// </summary>
public sealed class NestedMachineTests
{
    /// <summary>A call's states: Live nests Talking and Muted.</summary>
    public enum Call
    {
        Ringing,
        Live,
        Talking,
        Muted,
        Ended,
    }

    private enum Event
    {
        Answer,
        Mute,
        Unmute,
        HangUp,
        Noise,
        Redial,
        Transfer,
    }

    private enum Act
    {
        OpenAudio,
        CloseAudio,
        Beep,
        Log,
    }

    private readonly record struct Line(bool Busy);

    private static readonly DestinationChoice<Call, Line> MuteIfBusy = new(
        "mute while the line is busy",
        l => l.Busy ? Call.Muted : Call.Talking,
        [(Call.Talking, "line free"), (Call.Muted, "line busy")]);

    private static MachineTable<Call, Event, Act, Line> Phone()
    {
        var b = new MachineTableBuilder<Call, Event, Act, Line>("Phone", Call.Ringing);
        b.In(Call.Ringing).Deadline("rings out").On(Event.Answer).GoToOneOf(MuteIfBusy, Act.Log);
        b.In(Call.Live)
            .Stable("held after a transfer")
            .OnEnter(Act.OpenAudio)
            .OnExit(Act.CloseAudio)
            .On(Event.HangUp).GoTo(Call.Ended)
            .On(Event.Redial).GoTo(Call.Talking, Act.Log)
            .On(Event.Transfer).GoTo(Call.Live, Act.Log)
            .Ignore(Event.Noise, "a live call hears noise");
        b.In(Call.Talking).SubstateOf(Call.Live).Stable("talks")
            .OnEnter(Act.Beep)
            .On(Event.Mute).GoTo(Call.Muted);
        b.In(Call.Muted).SubstateOf(Call.Live).Stable("waits")
            .On(Event.Unmute).GoTo(Call.Talking)
            .On(Event.HangUp).If(l => l.Busy, "busy").Stay(Act.Log);
        b.In(Call.Ended).Terminal("done").Ignore(Event.HangUp, "already ended");
        return b.Build();
    }

    [Theory]
    [InlineData(false, Call.Talking)]
    [InlineData(true, Call.Muted)]
    public void A_row_that_chooses_goes_where_its_decision_says(bool busy, Call expected)
    {
        var outcome = Phone().Fire(Call.Ringing, Event.Answer, new Line(busy));

        Assert.Equal(expected, outcome.To);
        Assert.Equal("Ringing--Answer-->Talking|Muted", outcome.Key);
        var entry = busy ? new[] { Act.Log, Act.OpenAudio } : [Act.Log, Act.OpenAudio, Act.Beep];
        Assert.Equal(entry, outcome.Effects);
    }

    [Fact]
    public void A_substate_takes_its_superstates_rows_and_leaves_the_superstate_through_its_exit()
    {
        var outcome = Phone().Fire(Call.Talking, Event.HangUp, default);

        Assert.Equal(Call.Ended, outcome.To);
        Assert.Equal("Live--HangUp-->Ended", outcome.Key);
        Assert.Equal([Act.CloseAudio], outcome.Effects);
    }

    [Fact]
    public void A_substates_own_row_wins_and_falls_through_to_the_superstate_when_its_guard_fails()
    {
        var table = Phone();

        var own = table.Fire(Call.Muted, Event.HangUp, new Line(Busy: true));
        var inherited = table.Fire(Call.Muted, Event.HangUp, new Line(Busy: false));

        Assert.Equal((Call.Muted, "Muted--HangUp [busy]-->Muted"), (own.To, own.Key));
        Assert.Equal((Call.Ended, "Live--HangUp-->Ended"), (inherited.To, inherited.Key));
    }

    [Fact]
    public void Moving_between_substates_neither_leaves_nor_enters_the_superstate()
    {
        var outcome = Phone().Fire(Call.Muted, Event.Unmute, default);

        Assert.Equal(Call.Talking, outcome.To);
        Assert.Equal([Act.Beep], outcome.Effects);
    }

    [Fact]
    public void A_superstates_row_into_the_substate_the_machine_stands_in_re_enters_it()
    {
        var outcome = Phone().Fire(Call.Talking, Event.Redial, default);

        Assert.Equal(Call.Talking, outcome.To);
        Assert.Equal("Live--Redial-->Talking", outcome.Key);
        Assert.Equal([Act.Log, Act.Beep], outcome.Effects);
    }

    [Theory]
    [InlineData(Call.Talking)]
    [InlineData(Call.Muted)]
    public void A_superstates_row_to_itself_moves_a_substate_up_to_the_superstate(Call from)
    {
        var outcome = Phone().Fire(from, Event.Transfer, default);

        Assert.Equal(Call.Live, outcome.To);
        Assert.Equal("Live--Transfer-->Live", outcome.Key);
        Assert.Equal([Act.Log], outcome.Effects);
    }

    [Fact]
    public void A_substate_inherits_its_superstates_ignore_rule_and_the_rule_is_named()
    {
        var table = Phone();

        var outcome = table.Fire(Call.Muted, Event.Noise, default);

        Assert.True(outcome.Ignored);
        Assert.Equal("a live call hears noise", outcome.IgnoredBecause);
        Assert.Equal("Live ignores Noise", outcome.Key);
        Assert.Same(table.IgnoreFor(Call.Live, Event.Noise), table.IgnoreTaken(Call.Muted, Event.Noise));
        Assert.Null(table.IgnoreFor(Call.Muted, Event.Noise));
    }

    [Fact]
    public void A_trigger_no_state_of_the_lineage_takes_is_unhandled()
    {
        var error = Assert.Throws<UnknownTransitionException>(() => Phone().Fire(Call.Talking, Event.Unmute, default));

        Assert.Equal(("Talking", "Unmute"), (error.State, error.Trigger));
    }

    [Fact]
    public void The_table_knows_its_nesting()
    {
        var table = Phone();

        Assert.Equal([Call.Muted, Call.Live], table.Lineage(Call.Muted));
        Assert.Equal(Call.Live, table.SuperstateOf(Call.Talking));
        Assert.Null(table.SuperstateOf(Call.Live));
        Assert.True(table.HasSubstates(Call.Live));
        Assert.False(table.HasSubstates(Call.Talking));
        Assert.True(table.IsOccupied(Call.Live));
        Assert.Equal([Call.Talking, Call.Muted], table.Rows.Single(r => r.Choice is not null).Destinations);
    }

    [Fact]
    public void The_changes_an_observer_sees_through_a_projection_include_each_substate_leaving_by_its_superstates_rows()
    {
        var seen = Phone().ChangesSeenAs(c => c is Call.Talking or Call.Muted ? "in call" : c.ToString());

        Assert.Equal(
            ["Live -> Ended", "Live -> in call", "Ringing -> in call", "in call -> Ended", "in call -> Live"],
            seen.Select(c => $"{c.From} -> {c.To}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Stateless_describes_the_nesting_and_the_choice()
    {
        var info = Phone().Describe();

        var live = info.States.Single(s => (Call)s.UnderlyingState == Call.Live);
        Assert.Equal([Call.Talking, Call.Muted], live.Substates.Select(s => (Call)s.UnderlyingState).Order());
        var answer = info.States.Single(s => (Call)s.UnderlyingState == Call.Ringing).DynamicTransitions.Single();
        Assert.Equal(["Talking: line free", "Muted: line busy"], answer.PossibleDestinationStates.Select(d => $"{d.DestinationState}: {d.Criterion}"));
    }

    [Fact]
    public void A_state_nested_twice_is_refused()
    {
        var b = new MachineTableBuilder<Call, Event, Act, Line>("Phone", Call.Ringing);

        var error = Assert.Throws<InvalidMachineDefinitionException>(() => b.In(Call.Muted).SubstateOf(Call.Live).SubstateOf(Call.Talking));

        Assert.Contains("Muted is nested twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nesting_cycle_is_refused()
    {
        var b = new MachineTableBuilder<Call, Event, Act, Line>("Phone", Call.Ringing);
        b.In(Call.Ringing).Deadline("rings out").On(Event.Answer).GoTo(Call.Talking);
        b.In(Call.Talking).SubstateOf(Call.Muted).Stable("talks");
        b.In(Call.Muted).SubstateOf(Call.Talking).Stable("waits");

        var error = Assert.Throws<InvalidMachineDefinitionException>(b.Build);

        Assert.Contains("Talking is its own superstate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_superstate_needs_no_bound_but_a_reachable_substate()
    {
        var b = new MachineTableBuilder<Call, Event, Act, Line>("Phone", Call.Ringing);
        b.In(Call.Ringing).Deadline("rings out").On(Event.Answer).GoTo(Call.Ended);
        b.In(Call.Muted).SubstateOf(Call.Live).Stable("waits");
        b.In(Call.Ended).Terminal("done");

        var error = Assert.Throws<InvalidMachineDefinitionException>(b.Build).Message;

        Assert.Contains("Muted is not reachable from Ringing", error, StringComparison.Ordinal);
        Assert.Contains("Live has no reachable substate", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Live has no deadline", error, StringComparison.Ordinal);

        var valid = new MachineTableBuilder<Call, Event, Act, Line>("Phone", Call.Ringing);
        valid.In(Call.Ringing).Deadline("rings out").On(Event.Answer).GoTo(Call.Muted);
        valid.In(Call.Muted).SubstateOf(Call.Live).Stable("waits").On(Event.Unmute).GoTo(Call.Talking);
        valid.In(Call.Talking).SubstateOf(Call.Live).Stable("talks");
        valid.In(Call.Live).On(Event.HangUp).GoTo(Call.Ended);
        valid.In(Call.Ended).Terminal("done");
        var table = valid.Build();
        Assert.False(table.IsOccupied(Call.Live));
        Assert.True(table.IsOccupied(Call.Muted));
    }

    [Fact]
    public void A_choice_needs_two_distinct_destinations()
    {
        var b = new MachineTableBuilder<Call, Event, Act, Line>("Phone", Call.Ringing);
        var single = new DestinationChoice<Call, Line>("one way", _ => Call.Talking, [(Call.Talking, "always")]);
        var repeated = new DestinationChoice<Call, Line>("same twice", _ => Call.Talking, [(Call.Talking, "free"), (Call.Talking, "busy")]);

        Assert.Throws<InvalidMachineDefinitionException>(() => b.In(Call.Ringing).On(Event.Answer).GoToOneOf(single));
        Assert.Throws<InvalidMachineDefinitionException>(() => b.In(Call.Ringing).On(Event.Answer).GoToOneOf(repeated));
    }
}
