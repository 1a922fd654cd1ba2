using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

/// <summary>
/// Every table reads the same in any order: for every state, trigger and every context the guards can see (each
/// context is a handful of flags, so all of them are tried), at most one row's guard holds, and when none holds an
/// ignore rule absorbs the trigger, or the trigger goes on to a superstate that takes it. So no row depends on being
/// declared before another.
/// </summary>
public sealed class GuardExclusivityTests
{
    [Fact]
    public void Local_peer_guards_are_mutually_exclusive_and_complete() => AssertExclusiveAndComplete(LocalPeerMachine.Table);

    [Fact]
    public void Remote_peer_guards_are_mutually_exclusive_and_complete() => AssertExclusiveAndComplete(RemotePeerMachine.Table);

    [Fact]
    public void Negotiation_guards_are_mutually_exclusive_and_complete() => AssertExclusiveAndComplete(NegotiationMachine.Table);

    [Fact]
    public void Signalling_socket_guards_are_mutually_exclusive_and_complete() => AssertExclusiveAndComplete(SignallingSocketMachine.Table);

    [Fact]
    public void Reconcile_guards_are_mutually_exclusive_and_complete() => AssertExclusiveAndComplete(ReconcileMachine.Table);

    [Fact]
    public void The_turnstile_example_reads_the_same_in_any_order() => AssertExclusiveAndComplete(Turnstile.Table);

    [Fact]
    public void A_table_whose_rows_depend_on_their_order_is_caught()
    {
        var b = new MachineTableBuilder<TurnstileState, TurnstileTrigger, TurnstileEffect, TurnstileContext>("Ordered", TurnstileState.Locked);
        b.In(TurnstileState.Locked).Stable("waits")
            .On(TurnstileTrigger.Coin).If(c => c.Counterfeit, "counterfeit").GoTo(TurnstileState.Alarm)
            .On(TurnstileTrigger.Coin).If(c => c.ExactFare, "exact fare").GoTo(TurnstileState.Unlocked)
            .On(TurnstileTrigger.Push).GoTo(TurnstileState.Broken);
        b.In(TurnstileState.Unlocked).Stable("waits");
        b.In(TurnstileState.Alarm).Stable("waits");
        b.In(TurnstileState.Broken).Terminal("done");

        var problems = Problems(b.Build());

        Assert.Contains("Ordered: in Locked on Coin with TurnstileContext { Counterfeit = True, ExactFare = True }, 2 rows hold: Locked--Coin [counterfeit]-->Alarm; Locked--Coin [exact fare]-->Unlocked", problems);
        Assert.Contains("Ordered: in Locked on Coin with TurnstileContext { Counterfeit = False, ExactFare = False }, no row holds and no rule ignores it", problems);
    }

    private static void AssertExclusiveAndComplete<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var problems = Problems(table);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static List<string> Problems<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var problems = new List<string>();
        var contexts = FlagContexts.Every<TContext>();
        foreach (var group in table.Rows.GroupBy(r => (r.From, r.Trigger)))
        {
            foreach (var context in contexts)
            {
                var holding = group.Where(r => r.Guard is null || r.Guard.Holds(context)).Select(r => r.Key).ToList();
                if (holding.Count > 1)
                {
                    problems.Add($"{table.Name}: in {group.Key.From} on {group.Key.Trigger} with {context}, {holding.Count} rows hold: {string.Join("; ", holding)}");
                }
                else if (holding.Count == 0 && !HandledAbove(table, group.Key.From, group.Key.Trigger, context))
                {
                    problems.Add($"{table.Name}: in {group.Key.From} on {group.Key.Trigger} with {context}, no row holds and no rule ignores it");
                }
            }
        }

        return problems;
    }

    /// <summary>True when the state or a superstate ignores the trigger, or a superstate has a row for it that holds.</summary>
    private static bool HandledAbove<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, TState state, TTrigger trigger, TContext context)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        table.Lineage(state).Any(s => table.IgnoreFor(s, trigger) is not null
            || (!s.Equals(state) && table.Rows.Any(r => r.From.Equals(s) && r.Trigger.Equals(trigger) && r.Holds(context))));
}
