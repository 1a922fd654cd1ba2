using Reconnect.Core.Machines;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

/// <summary>
/// A trigger a table ignores in a state whatever the context is answered from the table's ignore rule without running
/// Stateless: for every such rule of every machine and every context, that answer is the one Stateless gives.
/// </summary>
public sealed class UnconditionalIgnoreTests
{
    [Fact]
    public void Local_peer_ignores_answer_as_Stateless_does() => AssertSameAsStateless(MachineTables.Standard.LocalPeer);

    [Fact]
    public void Remote_peer_ignores_answer_as_Stateless_does() => AssertSameAsStateless(MachineTables.Standard.RemotePeer);

    [Fact]
    public void Signalling_socket_ignores_answer_as_Stateless_does() => AssertSameAsStateless(MachineTables.Standard.SignallingSocket);

    [Fact]
    public void Reconcile_ignores_answer_as_Stateless_does() => AssertSameAsStateless(MachineTables.Standard.Reconcile);

    [Fact]
    public void Negotiation_ignores_answer_as_Stateless_does() => AssertSameAsStateless(MachineTables.Standard.Negotiation);

    [Fact]
    public void Only_a_trigger_no_row_of_the_state_takes_is_answered_without_Stateless()
    {
        var table = Turnstile.Table;

        Assert.NotNull(table.UnconditionalIgnore(TurnstileState.Broken, TurnstileTrigger.Kick));
        Assert.Null(table.UnconditionalIgnore(TurnstileState.Unlocked, TurnstileTrigger.Coin));
        Assert.Null(table.UnconditionalIgnore(TurnstileState.Locked, TurnstileTrigger.Coin));
    }

    [Fact]
    public void The_answer_is_built_once_per_rule()
    {
        var table = Turnstile.Table;

        Assert.Same(table.UnconditionalIgnore(TurnstileState.Broken, TurnstileTrigger.Kick), table.Fire(TurnstileState.Broken, TurnstileTrigger.Kick, default));
    }

    private static void AssertSameAsStateless<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var checkedRules = 0;
        foreach (var rule in table.Ignores.Where(i => table.UnconditionalIgnore(i.In, i.Trigger) is not null))
        {
            foreach (var context in FlagContexts.Every<TContext>())
            {
                var state = rule.In;
                var runner = table.Attach(() => state, s => state = s);
                var fast = runner.Fire(rule.Trigger, context);
                var stateless = runner.FireThroughStateless(rule.In, rule.Trigger, context);

                Assert.Equal((stateless.To, stateless.IgnoredBecause, stateless.IgnoreRule, stateless.Row), (fast.To, fast.IgnoredBecause, fast.IgnoreRule, fast.Row));
                Assert.Empty(fast.Effects);
                Assert.Equal(rule.In, state);
            }

            checkedRules++;
        }

        Assert.True(checkedRules > 0, $"{table.Name} has no unconditional ignore to check");
    }
}
