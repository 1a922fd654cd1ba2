using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

public sealed class StateMachineBuildValidationTests
{
    private enum Lamp
    {
        Off,
        On,
    }

    private enum Switch
    {
        Flip,
        Cut,
    }

    private enum Glow
    {
        Light,
    }

    private static MachineTableBuilder<Lamp, Switch, Glow, bool> NewBuilder() => new("Lamp", Lamp.Off);

    private static MachineTableBuilder<Lamp, Switch, Glow, bool> ValidLamp()
    {
        var b = NewBuilder();
        b.In(Lamp.Off).Stable("waits for a flip").On(Switch.Flip).GoTo(Lamp.On, Glow.Light);
        b.In(Lamp.On).Stable("waits for a flip").On(Switch.Flip).GoTo(Lamp.Off);
        return b;
    }

    private static string BuildError(MachineTableBuilder<Lamp, Switch, Glow, bool> builder) =>
        Assert.Throws<InvalidMachineDefinitionException>(() => builder.Build()).Message;

    [Fact]
    public void The_valid_lamp_builds()
    {
        var table = ValidLamp().Build();

        Assert.Equal("Lamp", table.Name);
        Assert.Equal(2, table.Rows.Count);
    }

    [Fact]
    public void Two_unguarded_rows_for_the_same_state_and_trigger_are_rejected()
    {
        var b = ValidLamp();
        b.In(Lamp.Off).On(Switch.Cut).GoTo(Lamp.Off).On(Switch.Cut).GoTo(Lamp.On);

        Assert.Contains("Off on Cut has more than one unguarded row", BuildError(b), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unguarded_row_beside_a_guarded_one_is_rejected_in_either_order()
    {
        var before = ValidLamp();
        before.In(Lamp.Off).On(Switch.Cut).GoTo(Lamp.Off).On(Switch.Cut).If(on => on, "powered").GoTo(Lamp.On);
        var after = ValidLamp();
        after.In(Lamp.Off).On(Switch.Cut).If(on => on, "powered").GoTo(Lamp.On).On(Switch.Cut).GoTo(Lamp.Off);

        const string Expected = "Machine 'Lamp' is invalid: Off on Cut has an unguarded row beside other rows (Stateless needs guards that exclude each other).";
        Assert.Equal(Expected, BuildError(before));
        Assert.Equal(Expected, BuildError(after));
    }

    [Fact]
    public void A_repeated_guard_description_is_rejected()
    {
        var b = ValidLamp();
        b.In(Lamp.On)
            .On(Switch.Cut).If(on => on, "powered").GoTo(Lamp.Off)
            .On(Switch.Cut).If(on => !on, "powered").GoTo(Lamp.On);

        Assert.Equal("Machine 'Lamp' is invalid: On on Cut repeats the guard 'powered'.", BuildError(b));
    }

    [Fact]
    public void A_trigger_both_handled_and_ignored_is_rejected()
    {
        var b = ValidLamp();
        b.In(Lamp.On).Ignore(Switch.Flip, "stuck");

        Assert.Equal("Machine 'Lamp' is invalid: On on Flip is both a row and ignored.", BuildError(b));
    }

    [Fact]
    public void An_ignore_rule_is_the_fallback_of_guarded_rows_and_a_rejection_refuses()
    {
        var b = ValidLamp();
        b.In(Lamp.On)
            .On(Switch.Cut).If(powered => powered, "powered").GoTo(Lamp.Off)
            .Ignore(Switch.Cut, "no power to cut");
        b.In(Lamp.Off).Reject(Switch.Cut, "already off");
        var table = b.Build();

        Assert.Equal(Lamp.Off, table.Fire(Lamp.On, Switch.Cut, true).To);
        var ignored = table.Fire(Lamp.On, Switch.Cut, false);
        Assert.Equal(("no power to cut", false, "On ignores Cut"), (ignored.IgnoredBecause, ignored.Rejected, ignored.Key));
        var rejected = table.Fire(Lamp.Off, Switch.Cut, true);
        Assert.Equal(("already off", true, true, "Off rejects Cut"), (rejected.IgnoredBecause, rejected.Ignored, rejected.Rejected, rejected.Key));
        Assert.Empty(rejected.Effects);
    }

    [Fact]
    public void A_duplicate_ignore_is_rejected()
    {
        var b = ValidLamp();
        b.In(Lamp.On).Ignore(Switch.Cut, "no power to cut").Ignore(Switch.Cut, "again");

        Assert.Equal("Machine 'Lamp' is invalid: On ignores Cut twice.", BuildError(b));
    }

    [Fact]
    public void An_unreachable_state_is_rejected()
    {
        var b = NewBuilder();
        b.In(Lamp.Off).Stable("waits for a flip").Ignore(Switch.Flip, "no bulb");
        b.In(Lamp.On).Stable("waits for a flip").On(Switch.Flip).GoTo(Lamp.Off);

        Assert.Equal("Machine 'Lamp' is invalid: On is not reachable from Off.", BuildError(b));
    }

    [Fact]
    public void A_state_with_no_deadline_stable_or_terminal_bound_is_rejected()
    {
        var b = NewBuilder();
        b.In(Lamp.Off).Stable("waits for a flip").On(Switch.Flip).GoTo(Lamp.On);
        b.In(Lamp.On).On(Switch.Flip).GoTo(Lamp.Off);

        Assert.Equal("Machine 'Lamp' is invalid: On has no deadline and is neither terminal nor declared stable.", BuildError(b));
    }

    [Fact]
    public void A_terminal_state_with_a_row_leaving_it_is_rejected()
    {
        var b = NewBuilder();
        b.In(Lamp.Off).Stable("waits for a flip").On(Switch.Flip).GoTo(Lamp.On);
        b.In(Lamp.On).Terminal("burnt out").On(Switch.Flip).GoTo(Lamp.Off);

        Assert.Equal("Machine 'Lamp' is invalid: On is terminal but has a row leaving it.", BuildError(b));
    }

    [Fact]
    public void A_terminal_state_may_stay_in_itself()
    {
        var b = NewBuilder();
        b.In(Lamp.Off).Stable("waits for a flip").On(Switch.Flip).GoTo(Lamp.On);
        b.In(Lamp.On).Terminal("burnt out").On(Switch.Flip).Stay();

        Assert.True(b.Build().IsTerminal(Lamp.On));
    }

    [Fact]
    public void Bounding_a_state_twice_is_rejected_when_declared()
    {
        var off = NewBuilder().In(Lamp.Off).Stable("waits for a flip");

        var error = Assert.Throws<InvalidMachineDefinitionException>(() => off.Deadline("a timer"));

        Assert.Equal("Machine 'Lamp': Off is bounded twice.", error.Message);
    }

    [Fact]
    public void Every_error_is_reported_at_once()
    {
        var b = NewBuilder();
        b.In(Lamp.Off).Ignore(Switch.Flip, "no bulb");

        Assert.Equal(
            "Machine 'Lamp' is invalid: Off has no deadline and is neither terminal nor declared stable; "
            + "On is not reachable from Off; On has no deadline and is neither terminal nor declared stable.",
            BuildError(b));
    }
}
