using Stateless;
using Stateless.Reflection;

namespace Reconnect.Core.StateMachines;

/// <summary>
/// One instance of a machine table, run by a Stateless <see cref="StateMachine{TState, TTrigger}"/> in
/// <see cref="FiringMode.Immediate"/> over state stored in its owner's record. Every trigger carries the guard context
/// as its parameter. The Stateless actions only record effects as data, in Stateless's order (exit, transition,
/// entry); the engine performs them after the firing returns.
/// </summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
/// <typeparam name="TEffect">The effects the engine performs.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
internal sealed class MachineRunner<TState, TTrigger, TEffect, TContext>
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum
{
    private readonly MachineTable<TState, TTrigger, TEffect, TContext> _table;
    private readonly StateMachine<TState, TTrigger> _machine;
    private readonly Dictionary<TTrigger, StateMachine<TState, TTrigger>.TriggerWithParameters<TContext>> _triggers = [];
    private readonly List<TEffect> _effects = [];
    private TransitionRow<TState, TTrigger, TEffect, TContext>? _taken;

    internal MachineRunner(MachineTable<TState, TTrigger, TEffect, TContext> table, Func<TState> read, Action<TState> write)
    {
        _table = table;
        _machine = new StateMachine<TState, TTrigger>(read, write, FiringMode.Immediate);
        foreach (var trigger in Enum.GetValues<TTrigger>())
        {
            _triggers[trigger] = _machine.SetTriggerParameters<TContext>(trigger);
        }

        _machine.OnUnhandledTrigger((state, trigger, _) => throw new UnknownTransitionException(table.Name, state.ToString(), trigger.ToString()));
        _machine.OnTransitioned(RecordTransition);
        foreach (var state in table.States)
        {
            Configure(state);
        }
    }

    /// <summary>The machine's name, as its table declares it.</summary>
    public string Name => _table.Name;

    /// <summary>The table this instance runs.</summary>
    public MachineTable<TState, TTrigger, TEffect, TContext> Table => _table;

    /// <summary>The state the owner's record holds now.</summary>
    public TState State => _machine.State;

    /// <summary>Stateless's description of this machine.</summary>
    public StateMachineInfo Info => _machine.GetInfo();

    /// <summary>
    /// Fires a trigger with the context its guards read and returns the row (or rule) taken and the effects it recorded.
    /// A trigger the table ignores in this state whatever the context (no row of the state takes it) is answered from
    /// the table's ignore rule without running Stateless, which would reach the same rule: a test checks both agree for
    /// every such rule and context.
    /// </summary>
    /// <exception cref="UnknownTransitionException">No row applies and no rule ignores the trigger.</exception>
    public TransitionOutcome<TState, TTrigger, TEffect, TContext> Fire(TTrigger trigger, TContext context)
    {
        var from = _machine.State;
        return _table.UnconditionalIgnore(from, trigger) ?? FireThroughStateless(from, trigger, context);
    }

    /// <summary>Fires the trigger through the Stateless machine, whatever the table's ignore index says.</summary>
    internal TransitionOutcome<TState, TTrigger, TEffect, TContext> FireThroughStateless(TState from, TTrigger trigger, TContext context)
    {
        _effects.Clear();
        _taken = null;
        _machine.Fire(_triggers[trigger], context);
        if (_taken is { } row)
        {
            return new(from, _machine.State, trigger, row, null, _effects.Count == 0 ? [] : [.. _effects]);
        }

        var ignore = _table.IgnoreTaken(from, trigger)
            ?? throw new UnknownTransitionException(_table.Name, from.ToString(), trigger.ToString());
        return new(from, from, trigger, null, ignore.Reason, []) { IgnoreRule = ignore };
    }

    private void Configure(TState state)
    {
        var config = _machine.Configure(state);
        if (_table.SuperstateOf(state) is { } superstate)
        {
            config.SubstateOf(superstate);
        }

        if (_table.ExitEffects(state) is { Count: > 0 } exit)
        {
            config.OnExit(() => _effects.AddRange(exit), string.Join(", ", exit));
        }

        if (_table.EntryEffects(state) is { Count: > 0 } entry)
        {
            config.OnEntry(() => _effects.AddRange(entry), string.Join(", ", entry));
        }

        foreach (var row in _table.Rows)
        {
            if (row.From.Equals(state))
            {
                Permit(config, row);
            }
        }

        foreach (var ignore in _table.Ignores)
        {
            if (ignore.In.Equals(state))
            {
                var rows = _table.Rows.Where(r => r.From.Equals(state) && r.Trigger.Equals(ignore.Trigger)).ToArray();
                config.IgnoreIf(_triggers[ignore.Trigger], context => !Array.Exists(rows, r => r.Holds(context)), ignore.Reason);
            }
        }
    }

    /// <summary>
    /// Configures one row. A superstate's row that moves runs as a dynamic transition with its one destination, because
    /// Stateless's fixed <c>Permit</c> from a superstate into the substate the machine stands in does nothing, and its
    /// <c>PermitReentry</c> leaves the machine in the substate; a dynamic transition re-enters the substate, or moves
    /// up to the superstate, as the table means.
    /// </summary>
    private void Permit(StateMachine<TState, TTrigger>.StateConfiguration config, TransitionRow<TState, TTrigger, TEffect, TContext> row)
    {
        var trigger = _triggers[row.Trigger];
        switch (row)
        {
            case { Choice: { } choice, Guard: null }:
                config.PermitDynamic(trigger, choice.Choose, choice.Description, Possible(choice.Options));
                break;
            case { Choice: { } choice, Guard: { } guard }:
                config.PermitDynamicIf(trigger, choice.Choose, guard.Holds, guard.Description, Possible(choice.Options));
                break;
            case { IsInternal: false, Guard: null } when _table.HasSubstates(row.From):
                config.PermitDynamic(trigger, _ => row.To, row.To.ToString(), Possible([(row.To, "always")]));
                break;
            case { IsInternal: false, Guard: { } guard } when _table.HasSubstates(row.From):
                config.PermitDynamicIf(trigger, _ => row.To, guard.Holds, guard.Description, Possible([(row.To, "always")]));
                break;
            case { IsInternal: true, Guard: null }:
                config.InternalTransition(trigger, (_, _) => Take(row));
                break;
            case { IsInternal: true, Guard: { } guard }:
                config.InternalTransitionIf(trigger, guard.Holds, (_, _) => Take(row), guard.Description);
                break;
            case { Guard: null } when row.To.Equals(row.From):
                config.PermitReentry(row.Trigger);
                break;
            case { Guard: { } guard } when row.To.Equals(row.From):
                config.PermitReentryIf(trigger, guard.Holds, guard.Description);
                break;
            case { Guard: null }:
                config.Permit(row.Trigger, row.To);
                break;
            case { Guard: { } guard }:
                config.PermitIf(trigger, row.To, guard.Holds, guard.Description);
                break;
        }
    }

    private static DynamicStateInfos Possible(IReadOnlyList<(TState State, string When)> options)
    {
        var infos = new DynamicStateInfos();
        foreach (var (state, when) in options)
        {
            infos.Add(state, when);
        }

        return infos;
    }

    private void Take(TransitionRow<TState, TTrigger, TEffect, TContext> row)
    {
        _taken = row;
        _effects.AddRange(row.Effects);
    }

    /// <summary>
    /// Stateless reports a transition between the source's exit and the destination's entry: the row's effects go there.
    /// The row is the one Stateless took: the innermost state of the source's lineage with a row that holds.
    /// </summary>
    private void RecordTransition(StateMachine<TState, TTrigger>.Transition transition)
    {
        var context = (TContext)transition.Parameters[0];
        foreach (var state in _table.Lineage(transition.Source))
        {
            foreach (var row in _table.Rows)
            {
                if (!row.IsInternal && row.From.Equals(state) && row.Trigger.Equals(transition.Trigger)
                    && row.Holds(context) && row.DestinationIn(context).Equals(transition.Destination))
                {
                    Take(row);
                    return;
                }
            }
        }
    }
}
