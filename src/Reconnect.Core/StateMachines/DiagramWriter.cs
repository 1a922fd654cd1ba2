using System.Text;
using Stateless.Reflection;

namespace Reconnect.Core.StateMachines;

/// <summary>
/// Renders a machine as a Mermaid state diagram or a Graphviz DOT graph from Stateless's <c>GetInfo()</c>: its states,
/// transitions with guard descriptions, internal transitions, ignored triggers with their reasons, and entry and exit
/// actions. The table adds what Stateless does not hold: each row's effects and each state's bound (stable, deadline,
/// terminal).
/// </summary>
public static class DiagramWriter
{
    /// <summary>Renders the machine as a Mermaid <c>stateDiagram-v2</c>.</summary>
    public static string ToMermaid<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        var info = table.Describe();
        var sb = new StringBuilder();
        sb.Append("%% Generated from the ").Append(table.Name).Append(" machine's Stateless GetInfo(). Do not edit.\n");
        sb.Append("stateDiagram-v2\n");
        sb.Append("    [*] --> ").Append(info.InitialState.UnderlyingState).Append('\n');
        foreach (var (state, transition, label) in Transitions(table, info))
        {
            sb.Append("    ").Append(state.UnderlyingState).Append(" --> ").Append(transition.DestinationState.UnderlyingState)
              .Append(" : ").Append(Escape(label)).Append('\n');
        }

        foreach (var state in Ordered(table, info).Where(s => table.IsTerminal((TState)s.UnderlyingState)))
        {
            sb.Append("    ").Append(state.UnderlyingState).Append(" --> [*]\n");
        }

        foreach (var state in Ordered(table, info))
        {
            sb.Append("    note right of ").Append(state.UnderlyingState).Append('\n');
            foreach (var line in Notes(table, state))
            {
                sb.Append("        ").Append(Escape(line)).Append('\n');
            }

            sb.Append("    end note\n");
        }

        return sb.ToString();
    }

    /// <summary>Renders the machine as a Graphviz DOT digraph; ignored triggers are dashed loops.</summary>
    public static string ToDot<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(table);
        var info = table.Describe();
        var sb = new StringBuilder();
        sb.Append("digraph \"").Append(table.Name).Append("\" {\n");
        sb.Append("    __start [shape=point];\n");
        foreach (var state in Ordered(table, info))
        {
            var s = (TState)state.UnderlyingState;
            sb.Append("    ").Append(s).Append(" [shape=").Append(table.IsTerminal(s) ? "doublecircle" : "ellipse")
              .Append(", tooltip=\"").Append(Quote(string.Join("\\n", Notes(table, state)))).Append("\"];\n");
        }

        sb.Append("    __start -> ").Append(info.InitialState.UnderlyingState).Append(";\n");
        foreach (var (state, transition, label) in Transitions(table, info))
        {
            sb.Append("    ").Append(state.UnderlyingState).Append(" -> ").Append(transition.DestinationState.UnderlyingState)
              .Append(" [label=\"").Append(Quote(label)).Append("\"];\n");
        }

        foreach (var state in Ordered(table, info))
        {
            foreach (var ignored in state.IgnoredTriggers)
            {
                var rule = table.IgnoreFor((TState)state.UnderlyingState, (TTrigger)ignored.Trigger.UnderlyingTrigger)!;
                sb.Append("    ").Append(state.UnderlyingState).Append(" -> ").Append(state.UnderlyingState)
                  .Append(" [style=dashed, label=\"").Append(Quote(IgnoreLabel(rule))).Append("\"];\n");
            }
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    /// <summary>States in the enum's order, so a diagram does not depend on the order Stateless stores them in.</summary>
    private static IEnumerable<StateInfo> Ordered<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, StateMachineInfo info)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        info.States.OrderBy(s => table.States.ToList().IndexOf((TState)s.UnderlyingState));

    private static IEnumerable<(StateInfo State, FixedTransitionInfo Transition, string Label)> Transitions<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table, StateMachineInfo info)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        from state in Ordered(table, info)
        from transition in state.FixedTransitions
        select (state, transition, Label(table, state, transition));

    /// <summary>
    /// The label of one Stateless transition: trigger, guard description, internal mark, then the row's effects. A
    /// trigger has either one unguarded row or guarded rows with distinct descriptions, so the row is found by them.
    /// </summary>
    private static string Label<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, StateInfo state, FixedTransitionInfo transition)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var guards = transition.GuardConditionsMethodDescriptions.Select(g => g.Description).ToList();
        var row = table.Rows.Single(r =>
            r.From.Equals((TState)state.UnderlyingState)
            && r.Trigger.Equals((TTrigger)transition.Trigger.UnderlyingTrigger)
            && r.To.Equals((TState)transition.DestinationState.UnderlyingState)
            && r.IsInternal == transition.IsInternalTransition
            && (r.Guard is null || guards.Contains(r.Guard.Description)));
        var label = row.IsInternal ? $"{row.Label} (internal)" : row.Label;
        return row.Effects.Count == 0 ? label : $"{label} / {string.Join(", ", row.Effects)}";
    }

    /// <summary>A state's annotations: its bound, its entry and exit actions as Stateless describes them, and its ignore rules with their reasons.</summary>
    private static IEnumerable<string> Notes<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, StateInfo state)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var bound = table.Bounds[(TState)state.UnderlyingState];
        yield return $"{bound.Kind.ToString().ToLowerInvariant()}: {bound.Description}";
        foreach (var entry in state.EntryActions)
        {
            yield return $"entry / {entry.Method.Description}";
        }

        foreach (var exit in state.ExitActions)
        {
            yield return $"exit / {exit.Description}";
        }

        foreach (var ignored in state.IgnoredTriggers)
        {
            yield return IgnoreLabel(table.IgnoreFor((TState)state.UnderlyingState, (TTrigger)ignored.Trigger.UnderlyingTrigger)!);
        }
    }

    private static string IgnoreLabel<TState, TTrigger>(IgnoreRow<TState, TTrigger> rule)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        $"{(rule.IsRejection ? "rejects" : "ignores")} {rule.Trigger}: {rule.Reason}";

    private static string Escape(string text) =>
        text.Replace(":", " -", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal).Replace("#", "no.", StringComparison.Ordinal);

    private static string Quote(string text) => text.Replace("\"", "'", StringComparison.Ordinal);
}
