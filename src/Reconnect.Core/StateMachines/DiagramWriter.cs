using System.Text;

namespace Reconnect.Core.StateMachines;

/// <summary>Renders a machine table as a Mermaid state diagram or a Graphviz DOT graph.</summary>
public static class DiagramWriter
{
    /// <summary>Renders the table as a Mermaid <c>stateDiagram-v2</c>.</summary>
    public static string ToMermaid<TState, TTrigger, TEffect, TContext>(StateMachine<TState, TTrigger, TEffect, TContext> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machine);
        var sb = new StringBuilder();
        sb.Append("%% Generated from the ").Append(machine.Name).Append(" machine table. Do not edit.\n");
        sb.Append("stateDiagram-v2\n");
        sb.Append("    [*] --> ").Append(machine.Initial).Append('\n');
        foreach (var row in machine.Rows)
        {
            sb.Append("    ").Append(row.From).Append(" --> ").Append(row.To).Append(" : ").Append(Escape(RowLabel(row))).Append('\n');
        }

        foreach (var state in machine.States.Where(machine.IsTerminal))
        {
            sb.Append("    ").Append(state).Append(" --> [*]\n");
        }

        foreach (var state in machine.States)
        {
            var bound = machine.Bounds[state];
            sb.Append("    note right of ").Append(state).Append(" : ").Append(bound.Kind.ToString().ToLowerInvariant())
              .Append(": ").Append(Escape(bound.Description)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Renders the table as a Graphviz DOT digraph.</summary>
    public static string ToDot<TState, TTrigger, TEffect, TContext>(StateMachine<TState, TTrigger, TEffect, TContext> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(machine);
        var sb = new StringBuilder();
        sb.Append("digraph \"").Append(machine.Name).Append("\" {\n");
        sb.Append("    __start [shape=point];\n");
        foreach (var state in machine.States)
        {
            sb.Append("    ").Append(state).Append(machine.IsTerminal(state) ? " [shape=doublecircle];\n" : " [shape=ellipse];\n");
        }

        sb.Append("    __start -> ").Append(machine.Initial).Append(";\n");
        foreach (var row in machine.Rows)
        {
            sb.Append("    ").Append(row.From).Append(" -> ").Append(row.To).Append(" [label=\"")
              .Append(RowLabel(row).Replace("\"", "'", StringComparison.Ordinal)).Append("\"];\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static string RowLabel<TState, TTrigger, TEffect, TContext>(TransitionRow<TState, TTrigger, TEffect, TContext> row)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var label = row.IsInternal ? $"{row.Label} (internal)" : row.Label;
        return row.Effects.Count == 0 ? label : $"{label} / {string.Join(", ", row.Effects)}";
    }

    private static string Escape(string text) =>
        text.Replace(":", " -", StringComparison.Ordinal).Replace(";", ",", StringComparison.Ordinal).Replace("#", "no.", StringComparison.Ordinal);
}
