namespace Reconnect.Core.StateMachines;

/// <summary>
/// The thin declaration helper over Stateless: one line per transition with its effects beside it,
/// <c>In(state).On(trigger).If(guard, "why").GoTo(dest, effects)</c> (Stateless <c>PermitIf</c>, or
/// <c>PermitReentryIf</c> into the same state), <c>.Stay(effects)</c> (<c>InternalTransitionIf</c>),
/// <c>.GoToOneOf(choice, effects)</c> (<c>PermitDynamicIf</c>, its possible destinations declared),
/// <c>Ignore(trigger, "why")</c> (<c>IgnoreIf</c>, applying when no row's guard holds), <c>OnEnter</c>/<c>OnExit</c>,
/// <c>SubstateOf(parent)</c> (a trigger no row or rule of the state takes goes to its superstate's), and each state's
/// bound; a superstate that is never occupied itself needs no bound. <see cref="Build"/> validates the table; <see cref="MachineTable{TState, TTrigger, TEffect, TContext}.Attach"/>
/// configures the Stateless machine that runs it.
/// </summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
/// <typeparam name="TEffect">The effects the engine performs.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
internal sealed class MachineTableBuilder<TState, TTrigger, TEffect, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum
{
    private readonly string _name;
    private readonly TState _initial;
    private readonly List<TransitionRow<TState, TTrigger, TEffect, TContext>> _rows = [];
    private readonly List<IgnoreRow<TState, TTrigger>> _ignores = [];
    private readonly Dictionary<TState, List<TEffect>> _entry = [];
    private readonly Dictionary<TState, List<TEffect>> _exit = [];
    private readonly Dictionary<TState, StateBound> _bounds = [];
    private readonly Dictionary<TState, TState> _superstates = [];

    /// <summary>Starts a table for a named machine with its initial state.</summary>
    public MachineTableBuilder(string name, TState initial)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        _initial = initial;
    }

    /// <summary>Configures the rows leaving a state.</summary>
    public StateConfiguration In(TState state) => new(this, state);

    /// <summary>Validates and freezes the table.</summary>
    public MachineTable<TState, TTrigger, TEffect, TContext> Build()
    {
        var errors = new List<string>();
        foreach (var group in _rows.GroupBy(r => (r.From, r.Trigger)))
        {
            var rows = group.ToList();
            if (rows.Count(r => r.Guard is null) > 1)
            {
                errors.Add($"{group.Key.From} on {group.Key.Trigger} has more than one unguarded row");
            }

            if (rows.Exists(r => r.Guard is null) && rows.Count > 1)
            {
                errors.Add($"{group.Key.From} on {group.Key.Trigger} has an unguarded row beside other rows (Stateless needs guards that exclude each other)");
            }

            foreach (var dup in rows.Where(r => r.Guard is not null).GroupBy(r => r.Guard!.Description).Where(g => g.Count() > 1))
            {
                errors.Add($"{group.Key.From} on {group.Key.Trigger} repeats the guard '{dup.Key}'");
            }

            if (rows.Exists(r => r.Guard is null) && _ignores.Any(x => x.In.Equals(group.Key.From) && x.Trigger.Equals(group.Key.Trigger)))
            {
                errors.Add($"{group.Key.From} on {group.Key.Trigger} is both a row and ignored");
            }
        }

        foreach (var dup in _ignores.GroupBy(x => (x.In, x.Trigger)).Where(g => g.Count() > 1))
        {
            errors.Add($"{dup.Key.In} ignores {dup.Key.Trigger} twice");
        }

        foreach (var state in _superstates.Keys.Where(s => Ancestors(s).Contains(s)))
        {
            errors.Add($"{state} is its own superstate");
        }

        var reachable = new HashSet<TState> { _initial };
        var frontier = new Queue<TState>([_initial]);
        while (frontier.TryDequeue(out var s))
        {
            foreach (var row in _rows.Where(r => !r.IsInternal && (r.From.Equals(s) || Ancestors(s).Contains(r.From))))
            {
                foreach (var to in row.Destinations.Where(reachable.Add))
                {
                    frontier.Enqueue(to);
                }
            }
        }

        var superstates = _superstates.Values.ToHashSet();
        foreach (var state in Enum.GetValues<TState>())
        {
            var neverOccupied = superstates.Contains(state) && !reachable.Contains(state);
            if (neverOccupied)
            {
                if (!reachable.Any(r => Ancestors(r).Contains(state)))
                {
                    errors.Add($"{state} has no reachable substate");
                }

                continue;
            }

            if (!reachable.Contains(state))
            {
                errors.Add($"{state} is not reachable from {_initial}");
            }

            if (!_bounds.ContainsKey(state))
            {
                errors.Add($"{state} has no deadline and is neither terminal nor declared stable");
            }
            else if (_bounds[state].Kind == StateBoundKind.Terminal && _rows.Any(r => r.From.Equals(state) && r.Destinations.Any(d => !d.Equals(state))))
            {
                errors.Add($"{state} is terminal but has a row leaving it");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidMachineDefinitionException($"Machine '{_name}' is invalid: {string.Join("; ", errors)}.");
        }

        return new MachineTable<TState, TTrigger, TEffect, TContext>(
            _name,
            _initial,
            [.. _rows],
            [.. _ignores],
            _entry.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TEffect>)[.. kv.Value]),
            _exit.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TEffect>)[.. kv.Value]),
            new Dictionary<TState, StateBound>(_bounds),
            new Dictionary<TState, TState>(_superstates));
    }

    /// <summary>The superstates enclosing a state, innermost first; stops at a cycle, which <see cref="Build"/> reports.</summary>
    private List<TState> Ancestors(TState state)
    {
        var chain = new List<TState>();
        while (_superstates.TryGetValue(state, out var parent) && !chain.Contains(parent))
        {
            chain.Add(parent);
            state = parent;
        }

        return chain;
    }

    /// <summary>The rows and rules leaving one state.</summary>
    public sealed class StateConfiguration
    {
        private readonly MachineTableBuilder<TState, TTrigger, TEffect, TContext> _owner;
        private readonly TState _state;

        internal StateConfiguration(MachineTableBuilder<TState, TTrigger, TEffect, TContext> owner, TState state)
        {
            _owner = owner;
            _state = state;
        }

        /// <summary>Starts a row for a trigger.</summary>
        public RowBuilder On(TTrigger trigger) => new(this, _state, trigger);

        /// <summary>
        /// Accepts a trigger and does nothing, for a stated reason; beside guarded rows of the same trigger it applies
        /// when none of their guards holds.
        /// </summary>
        public StateConfiguration Ignore(TTrigger trigger, string why)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(why);
            _owner._ignores.Add(new IgnoreRow<TState, TTrigger>(_state, trigger, why));
            return this;
        }

        /// <summary>Refuses a trigger, for a stated reason: nothing changes and the engine reports a typed error.</summary>
        public StateConfiguration Reject(TTrigger trigger, string why)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(why);
            _owner._ignores.Add(new IgnoreRow<TState, TTrigger>(_state, trigger, why) { IsRejection = true });
            return this;
        }

        /// <summary>
        /// Nests the state in a superstate (Stateless <c>SubstateOf</c>): a trigger that no row or rule of this state
        /// takes is handled by the superstate's rows and rules, and moving between substates neither leaves nor enters it.
        /// </summary>
        public StateConfiguration SubstateOf(TState superstate)
        {
            if (!_owner._superstates.TryAdd(_state, superstate))
            {
                throw new InvalidMachineDefinitionException($"Machine '{_owner._name}': {_state} is nested twice.");
            }

            return this;
        }

        /// <summary>Effects run whenever the state is entered.</summary>
        public StateConfiguration OnEnter(params TEffect[] effects)
        {
            Effects(_owner._entry).AddRange(effects);
            return this;
        }

        /// <summary>Effects run whenever the state is left.</summary>
        public StateConfiguration OnExit(params TEffect[] effects)
        {
            Effects(_owner._exit).AddRange(effects);
            return this;
        }

        /// <summary>Declares what bounds the time spent in this state.</summary>
        public StateConfiguration Deadline(string what) => Bound(StateBoundKind.Deadline, what);

        /// <summary>Declares the state may wait indefinitely for outside input, and why that is safe.</summary>
        public StateConfiguration Stable(string why) => Bound(StateBoundKind.Stable, why);

        /// <summary>Declares the state final: nothing leaves it.</summary>
        public StateConfiguration Terminal(string why) => Bound(StateBoundKind.Terminal, why);

        /// <summary>Continues with another state.</summary>
        public StateConfiguration In(TState state) => _owner.In(state);

        internal StateConfiguration Add(TransitionRow<TState, TTrigger, TEffect, TContext> row)
        {
            _owner._rows.Add(row);
            return this;
        }

        private StateConfiguration Bound(StateBoundKind kind, string what)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(what);
            if (!_owner._bounds.TryAdd(_state, new StateBound(kind, what)))
            {
                throw new InvalidMachineDefinitionException($"Machine '{_owner._name}': {_state} is bounded twice.");
            }

            return this;
        }

        private List<TEffect> Effects(Dictionary<TState, List<TEffect>> map)
        {
            if (!map.TryGetValue(_state, out var list))
            {
                list = [];
                map[_state] = list;
            }

            return list;
        }
    }

    /// <summary>One row being declared.</summary>
    public sealed class RowBuilder
    {
        private readonly StateConfiguration _config;
        private readonly TState _from;
        private readonly TTrigger _trigger;
        private Guard<TContext>? _guard;

        internal RowBuilder(StateConfiguration config, TState from, TTrigger trigger)
        {
            _config = config;
            _from = from;
            _trigger = trigger;
        }

        /// <summary>Applies the row only when a named condition holds.</summary>
        public RowBuilder If(Func<TContext, bool> guard, string why)
        {
            ArgumentNullException.ThrowIfNull(guard);
            ArgumentException.ThrowIfNullOrWhiteSpace(why);
            _guard = new Guard<TContext>(why, guard);
            return this;
        }

        /// <summary>Moves to a state (running exit and entry effects, also when it is the same state) and emits effects.</summary>
        public StateConfiguration GoTo(TState to, params TEffect[] effects) =>
            _config.Add(new TransitionRow<TState, TTrigger, TEffect, TContext>(_from, _trigger, to, _guard, effects));

        /// <summary>Moves to the state a named decision picks among its declared options, and emits effects.</summary>
        public StateConfiguration GoToOneOf(DestinationChoice<TState, TContext> choice, params TEffect[] effects)
        {
            ArgumentNullException.ThrowIfNull(choice);
            if (choice.Options.Count < 2 || choice.Options.DistinctBy(o => o.State).Count() != choice.Options.Count)
            {
                throw new InvalidMachineDefinitionException($"Machine: {_from} on {_trigger} chooses among fewer than two distinct destinations.");
            }

            return _config.Add(new TransitionRow<TState, TTrigger, TEffect, TContext>(_from, _trigger, choice.Options[0].State, _guard, effects) { Choice = choice });
        }

        /// <summary>Stays in the state without exit or entry effects, emitting effects.</summary>
        public StateConfiguration Stay(params TEffect[] effects) =>
            _config.Add(new TransitionRow<TState, TTrigger, TEffect, TContext>(_from, _trigger, _from, _guard, effects) { IsInternal = true });
    }
}
