namespace Reconnect.Core.StateMachines;

/// <summary>
/// A validated, immutable machine table. It runs as <c>(state, trigger, context) -> (state', effects)</c>;
/// it holds no current state of its own, so one table serves every instance.
/// </summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
/// <typeparam name="TEffect">The effects the engine performs.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
public sealed class StateMachine<TState, TTrigger, TEffect, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum
{
    private readonly IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> _entry;
    private readonly IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> _exit;

    internal StateMachine(
        string name,
        TState initial,
        IReadOnlyList<TransitionRow<TState, TTrigger, TEffect, TContext>> rows,
        IReadOnlyList<IgnoreRow<TState, TTrigger>> ignores,
        IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> entry,
        IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> exit,
        IReadOnlyDictionary<TState, StateBound> bounds)
    {
        Name = name;
        Initial = initial;
        Rows = rows;
        Ignores = ignores;
        _entry = entry;
        _exit = exit;
        Bounds = bounds;
    }

    /// <summary>The machine's name.</summary>
    public string Name { get; }

    /// <summary>The state every instance starts in.</summary>
    public TState Initial { get; }

    /// <summary>The transition rows, in declaration order.</summary>
    public IReadOnlyList<TransitionRow<TState, TTrigger, TEffect, TContext>> Rows { get; }

    /// <summary>The ignore rules.</summary>
    public IReadOnlyList<IgnoreRow<TState, TTrigger>> Ignores { get; }

    /// <summary>What bounds each state.</summary>
    public IReadOnlyDictionary<TState, StateBound> Bounds { get; }

    /// <summary>Every state, in declaration order of the enum.</summary>
    public IReadOnlyList<TState> States { get; } = Enum.GetValues<TState>();

    /// <summary>True when the state is terminal.</summary>
    public bool IsTerminal(TState state) => Bounds[state].Kind == StateBoundKind.Terminal;

    /// <summary>Effects run on entering a state.</summary>
    public IReadOnlyList<TEffect> EntryEffects(TState state) => _entry.TryGetValue(state, out var e) ? e : [];

    /// <summary>Effects run on leaving a state.</summary>
    public IReadOnlyList<TEffect> ExitEffects(TState state) => _exit.TryGetValue(state, out var e) ? e : [];

    /// <summary>True when the trigger has a row whose guard holds, or an ignore rule, in the state.</summary>
    public bool Accepts(TState state, TTrigger trigger, TContext context) =>
        FindRow(state, trigger, context) is not null || FindIgnore(state, trigger) is not null;

    /// <summary>Fires a trigger: the first row whose guard holds is taken; otherwise an ignore (or rejection) rule absorbs it.</summary>
    /// <exception cref="UnknownTransitionException">No row applies and no rule ignores the trigger.</exception>
    public TransitionOutcome<TState, TTrigger, TEffect, TContext> Fire(TState state, TTrigger trigger, TContext context)
    {
        var row = FindRow(state, trigger, context);
        if (row is not null)
        {
            IReadOnlyList<TEffect> effects = row.IsInternal
                ? row.Effects
                : [.. ExitEffects(state), .. row.Effects, .. EntryEffects(row.To)];
            return new(state, row.To, trigger, row, null, effects);
        }

        var ignore = FindIgnore(state, trigger);
        if (ignore is not null)
        {
            return new(state, state, trigger, null, ignore.Reason, []) { IgnoreRule = ignore };
        }

        throw new UnknownTransitionException(Name, state.ToString(), trigger.ToString());
    }

    private TransitionRow<TState, TTrigger, TEffect, TContext>? FindRow(TState state, TTrigger trigger, TContext context)
    {
        foreach (var row in Rows)
        {
            if (row.From.Equals(state) && row.Trigger.Equals(trigger) && (row.Guard is null || row.Guard.Holds(context)))
            {
                return row;
            }
        }

        return null;
    }

    private IgnoreRow<TState, TTrigger>? FindIgnore(TState state, TTrigger trigger)
    {
        foreach (var ignore in Ignores)
        {
            if (ignore.In.Equals(state) && ignore.Trigger.Equals(trigger))
            {
                return ignore;
            }
        }

        return null;
    }
}
