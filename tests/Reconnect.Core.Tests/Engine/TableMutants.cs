using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Engine;

/// <summary>One row changed in a table: the changed table, the original row and what changed.</summary>
internal sealed record TableMutant<TState, TTrigger, TEffect, TContext>(
    MachineTable<TState, TTrigger, TEffect, TContext> Table,
    TransitionRow<TState, TTrigger, TEffect, TContext> Row,
    string Change)
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum;

/// <summary>The mutants of a table: for each row, the table without it, with it going to another state, and with its effects stripped.</summary>
internal static class TableMutants
{
    public static IEnumerable<TableMutant<TState, TTrigger, TEffect, TContext>> Of<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            yield return new(table.WithRows([.. table.Rows.Where((_, j) => j != i)]), row, $"drop {row.Key}");

            var target = Retarget(table, row);
            yield return new(table.WithRows(Replace(table, i, row with { To = target, IsInternal = false, Choice = null })), row, $"retarget {row.Key} to {target}");

            if (row.Effects.Count > 0)
            {
                yield return new(table.WithRows(Replace(table, i, row with { Effects = [] })), row, $"strip the effects of {row.Key}");
            }
        }
    }

    /// <summary>The next state in the enum's order that the machine can stand in and that is neither the row's source nor one of its destinations.</summary>
    private static TState Retarget<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table, TransitionRow<TState, TTrigger, TEffect, TContext> row)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var states = table.States;
        var at = states.ToList().IndexOf(row.To);
        return Enumerable.Range(1, states.Count).Select(k => states[(at + k) % states.Count])
            .First(s => table.IsOccupied(s) && !s.Equals(row.From) && !row.Destinations.Contains(s));
    }

    private static List<TransitionRow<TState, TTrigger, TEffect, TContext>> Replace<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table, int index, TransitionRow<TState, TTrigger, TEffect, TContext> row)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        [.. table.Rows.Select((r, j) => j == index ? row : r)];
}
