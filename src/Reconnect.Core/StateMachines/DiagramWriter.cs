using System.Text;
using Stateless.Reflection;

namespace Reconnect.Core.StateMachines;

/// <summary>
/// Renders a machine as a Mermaid state diagram or a Graphviz DOT graph from Stateless's <c>GetInfo()</c>: its states,
/// transitions with guard descriptions, internal transitions, ignored triggers with their reasons, and entry and exit
/// actions. The table adds what Stateless does not hold: each row's effects and each state's bound (stable, deadline,
/// terminal).
/// </summary>
internal static class DiagramWriter
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
        foreach (var (from, to, label) in Transitions(table, info))
        {
            sb.Append("    ").Append(from).Append(" --> ").Append(to).Append(" : ").Append(Escape(label)).Append('\n');
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
        foreach (var state in Ordered(table, info).Where(s => s.Superstate is null))
        {
            AppendDotState(sb, table, state, "    ");
        }

        sb.Append("    __start -> ").Append(info.InitialState.UnderlyingState).Append(";\n");
        foreach (var (from, to, label) in Transitions(table, info))
        {
            sb.Append("    ").Append(from).Append(" -> ").Append(to).Append(" [label=\"").Append(Quote(label)).Append("\"];\n");
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

    /// <summary>A state's node; a superstate is a cluster holding its own node and its substates'.</summary>
    private static void AppendDotState<TState, TTrigger, TEffect, TContext>(StringBuilder sb, MachineTable<TState, TTrigger, TEffect, TContext> table, StateInfo state, string indent)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var s = (TState)state.UnderlyingState;
        var substates = state.Substates.OrderBy(c => table.States.ToList().IndexOf((TState)c.UnderlyingState)).ToList();
        var inner = indent;
        if (substates.Count > 0)
        {
            sb.Append(indent).Append("subgraph cluster_").Append(s).Append(" {\n");
            inner = indent + "    ";
            sb.Append(inner).Append("label=\"").Append(s).Append("\";\n");
        }

        sb.Append(inner).Append(s).Append(" [shape=").Append(table.IsTerminal(s) ? "doublecircle" : table.IsOccupied(s) ? "ellipse" : "box")
          .Append(", tooltip=\"").Append(Quote(string.Join("\\n", Notes(table, state)))).Append("\"];\n");
        foreach (var substate in substates)
        {
            AppendDotState(sb, table, substate, inner);
        }

        if (substates.Count > 0)
        {
            sb.Append(indent).Append("}\n");
        }
    }

    /// <summary>States in the enum's order, so a diagram does not depend on the order Stateless stores them in.</summary>
    private static IEnumerable<StateInfo> Ordered<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, StateMachineInfo info)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        info.States.OrderBy(s => table.States.ToList().IndexOf((TState)s.UnderlyingState));

    /// <summary>Every transition as an edge: a row that chooses its destination gives one edge per possible destination.</summary>
    private static IEnumerable<(string From, string To, string Label)> Transitions<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table, StateMachineInfo info)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        foreach (var state in Ordered(table, info))
        {
            foreach (var transition in state.FixedTransitions)
            {
                var guards = transition.GuardConditionsMethodDescriptions.Select(g => g.Description).ToList();
                var row = FindRow(table, state, transition, guards, r => r.Choice is null
                    && r.To.Equals((TState)transition.DestinationState.UnderlyingState) && r.IsInternal == transition.IsInternalTransition);
                yield return (state.UnderlyingState.ToString()!, transition.DestinationState.UnderlyingState.ToString()!, Label(row, row.IsInternal ? " (internal)" : ""));
            }

            foreach (var transition in state.DynamicTransitions)
            {
                var guards = transition.GuardConditionsMethodDescriptions.Select(g => g.Description).ToList();
                var row = FindRow(table, state, transition, guards, r => !r.IsInternal);
                foreach (var option in transition.PossibleDestinationStates)
                {
                    yield return (state.UnderlyingState.ToString()!, option.DestinationState, Label(row, row.Choice is null ? "" : $" {{{option.Criterion}}}"));
                }
            }
        }
    }

    /// <summary>
    /// The row behind one Stateless transition. A trigger has either one unguarded row or guarded rows with distinct
    /// descriptions, so the row is found by them.
    /// </summary>
    private static TransitionRow<TState, TTrigger, TEffect, TContext> FindRow<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table,
        StateInfo state,
        TransitionInfo transition,
        List<string> guards,
        Func<TransitionRow<TState, TTrigger, TEffect, TContext>, bool> matches)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        table.Rows.Single(r =>
            r.From.Equals((TState)state.UnderlyingState)
            && r.Trigger.Equals((TTrigger)transition.Trigger.UnderlyingTrigger)
            && (r.Guard is null || guards.Contains(r.Guard.Description))
            && matches(r));

    /// <summary>The label of one edge: trigger, guard description, a mark (internal, or the condition picking the destination), then the row's effects.</summary>
    private static string Label<TState, TTrigger, TEffect, TContext>(TransitionRow<TState, TTrigger, TEffect, TContext> row, string mark)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        row.Effects.Count == 0 ? $"{row.Label}{mark}" : $"{row.Label}{mark} / {string.Join(", ", row.Effects)}";

    /// <summary>A state's annotations: its bound, its entry and exit actions as Stateless describes them, and its ignore rules with their reasons.</summary>
    private static IEnumerable<string> Notes<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, StateInfo state)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        if (table.Bounds.TryGetValue((TState)state.UnderlyingState, out var bound))
        {
            yield return $"{bound.Kind.ToString().ToLowerInvariant()}: {bound.Description}";
        }
        else
        {
            yield return "superstate only: the machine stands in one of its substates";
        }

        if (state.Superstate is { } superstate)
        {
            yield return $"substate of {superstate.UnderlyingState}";
        }
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
