using System.Collections.Immutable;
using Stateless.Reflection;

namespace Reconnect.Core.StateMachines;

/// <summary>
/// A validated, immutable machine table: its rows, ignore rules, entry and exit effects and state bounds, as data.
/// It holds no current state: <see cref="Attach"/> configures a Stateless machine over state kept in its owner's
/// record, one per instance, and that machine does the firing.
/// </summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
/// <typeparam name="TEffect">The effects the engine performs.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
internal sealed class MachineTable<TState, TTrigger, TEffect, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum
{
    private readonly IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> _entry;
    private readonly IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> _exit;
    private readonly Dictionary<object, string> _coverageKeys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(TState, TTrigger), TransitionOutcome<TState, TTrigger, TEffect, TContext>> _unconditionalIgnores = [];
    private readonly IReadOnlyDictionary<TState, TState> _superstates;

    internal MachineTable(
        string name,
        TState initial,
        IReadOnlyList<TransitionRow<TState, TTrigger, TEffect, TContext>> rows,
        IReadOnlyList<IgnoreRow<TState, TTrigger>> ignores,
        IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> entry,
        IReadOnlyDictionary<TState, IReadOnlyList<TEffect>> exit,
        IReadOnlyDictionary<TState, StateBound> bounds,
        IReadOnlyDictionary<TState, TState> superstates)
    {
        Name = name;
        Initial = initial;
        Rows = rows;
        Ignores = ignores;
        _entry = entry;
        _exit = exit;
        Bounds = bounds;
        _superstates = superstates;
        foreach (var row in rows)
        {
            _coverageKeys[row] = $"{name}: {row.Key}";
        }

        foreach (var ignore in ignores)
        {
            _coverageKeys[ignore] = $"{name}: {ignore.Key}";
        }

        foreach (var state in States)
        {
            foreach (var trigger in Enum.GetValues<TTrigger>())
            {
                var handler = Lineage(state).Where(s => Takes(s, trigger) || IgnoreFor(s, trigger) is not null).Take(1).ToList();
                if (handler is [var at] && !Takes(at, trigger) && IgnoreFor(at, trigger) is { } ignore)
                {
                    _unconditionalIgnores[(state, trigger)] = new(state, state, trigger, null, ignore.Reason, []) { IgnoreRule = ignore };
                }
            }
        }
    }

    /// <summary>The machine's name.</summary>
    public string Name { get; }

    /// <summary>The state every instance starts in.</summary>
    public TState Initial { get; }

    /// <summary>The transition rows, in declaration order.</summary>
    public IReadOnlyList<TransitionRow<TState, TTrigger, TEffect, TContext>> Rows { get; }

    /// <summary>The ignore (and rejection) rules.</summary>
    public IReadOnlyList<IgnoreRow<TState, TTrigger>> Ignores { get; }

    /// <summary>What bounds each state.</summary>
    public IReadOnlyDictionary<TState, StateBound> Bounds { get; }

    /// <summary>Every state, in declaration order of the enum.</summary>
    public IReadOnlyList<TState> States { get; } = Enum.GetValues<TState>();

    /// <summary>The superstate a state is nested in, or null.</summary>
    public TState? SuperstateOf(TState state) => _superstates.TryGetValue(state, out var parent) ? parent : null;

    /// <summary>True when other states are nested in the state.</summary>
    public bool HasSubstates(TState state) => _superstates.Values.Contains(state);

    /// <summary>The state and the superstates enclosing it, innermost first: the order a trigger's handler is looked for in.</summary>
    public IEnumerable<TState> Lineage(TState state)
    {
        for (TState? s = state; s is { } current; s = SuperstateOf(current))
        {
            yield return current;
        }
    }

    /// <summary>True when the machine can stand in the state: it has a bound (a superstate only nesting others has none).</summary>
    public bool IsOccupied(TState state) => Bounds.ContainsKey(state);

    /// <summary>
    /// The changes of state an observer sees through a projection of the states (an app sees a remote peer's ladder
    /// phases as one state): for each row and each state the machine can stand in under the row's source, each
    /// destination whose projection differs. Internal rows change nothing.
    /// </summary>
    public ImmutableHashSet<(TVisible From, TVisible To)> ChangesSeenAs<TVisible>(Func<TState, TVisible> project)
    {
        ArgumentNullException.ThrowIfNull(project);
        return
        [
            .. from row in Rows
               where !row.IsInternal
               from state in States
               where IsOccupied(state) && Lineage(state).Contains(row.From)
               from to in row.Destinations
               where !EqualityComparer<TVisible>.Default.Equals(project(state), project(to))
               select (project(state), project(to)),
        ];
    }

    /// <summary>True when the state is terminal.</summary>
    public bool IsTerminal(TState state) => Bounds.TryGetValue(state, out var bound) && bound.Kind == StateBoundKind.Terminal;

    /// <summary>Effects run on entering a state.</summary>
    public IReadOnlyList<TEffect> EntryEffects(TState state) => _entry.TryGetValue(state, out var e) ? e : [];

    /// <summary>Effects run on leaving a state.</summary>
    public IReadOnlyList<TEffect> ExitEffects(TState state) => _exit.TryGetValue(state, out var e) ? e : [];

    /// <summary>The key coverage counts for the row or rule an outcome took: <c>Machine: key</c>, built once per table.</summary>
    public string CoverageKey(TransitionOutcome<TState, TTrigger, TEffect, TContext> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return _coverageKeys[(object?)outcome.Row ?? outcome.IgnoreRule!];
    }

    /// <summary>
    /// The outcome of a trigger the table ignores in a state whatever the context, because no row of that state takes
    /// the trigger; null when a row might. The outcome is built once per rule, so such an input allocates nothing.
    /// </summary>
    internal TransitionOutcome<TState, TTrigger, TEffect, TContext>? UnconditionalIgnore(TState state, TTrigger trigger) =>
        _unconditionalIgnores.GetValueOrDefault((state, trigger));

    /// <summary>
    /// The ignore (or rejection) rule that absorbed a trigger no row took in a state: the state's own rule, or the
    /// innermost superstate's.
    /// </summary>
    public IgnoreRow<TState, TTrigger>? IgnoreTaken(TState state, TTrigger trigger) =>
        Lineage(state).Select(s => IgnoreFor(s, trigger)).FirstOrDefault(rule => rule is not null);

    /// <summary>The ignore (or rejection) rule a state itself declares for a trigger, if it has one.</summary>
    public IgnoreRow<TState, TTrigger>? IgnoreFor(TState state, TTrigger trigger)
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

    /// <summary>
    /// Configures a Stateless machine for one instance whose state is read and written through the owner's record,
    /// so the owner stays a plain value and the machine holds no state of its own.
    /// </summary>
    public MachineRunner<TState, TTrigger, TEffect, TContext> Attach(Func<TState> read, Action<TState> write) => new(this, read, write);

    /// <summary>Fires one trigger on a throwaway instance standing in a state: for tests and tools that ask "what would happen".</summary>
    /// <exception cref="UnknownTransitionException">No row applies and no rule ignores the trigger.</exception>
    public TransitionOutcome<TState, TTrigger, TEffect, TContext> Fire(TState state, TTrigger trigger, TContext context)
    {
        var current = state;
        return Attach(() => current, s => current = s).Fire(trigger, context);
    }

    /// <summary>The same machine with other rows, not validated: how the table-mutation test builds its mutants.</summary>
    internal MachineTable<TState, TTrigger, TEffect, TContext> WithRows(IReadOnlyList<TransitionRow<TState, TTrigger, TEffect, TContext>> rows) =>
        new(Name, Initial, rows, Ignores, _entry, _exit, Bounds, _superstates);

    private bool Takes(TState state, TTrigger trigger) => Rows.Any(r => r.From.Equals(state) && r.Trigger.Equals(trigger));

    /// <summary>Stateless's own description of the machine (states, transitions with guard descriptions, ignored triggers, entry and exit actions).</summary>
    public StateMachineInfo Describe()
    {
        var current = Initial;
        return Attach(() => current, s => current = s).Info;
    }
}
