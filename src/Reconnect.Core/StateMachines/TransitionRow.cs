namespace Reconnect.Core.StateMachines;

/// <summary>One row of a machine's table: in a state, on a trigger, when a guard holds, go to a state and emit effects.</summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
/// <typeparam name="TEffect">The effects the engine performs.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
internal sealed record TransitionRow<TState, TTrigger, TEffect, TContext>(
    TState From,
    TTrigger Trigger,
    TState To,
    Guard<TContext>? Guard,
    IReadOnlyList<TEffect> Effects)
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum
{
    /// <summary>True when the row stays in its state and runs neither exit nor entry effects.</summary>
    public bool IsInternal { get; init; }

    /// <summary>
    /// The one decision that picks the destination among several (Stateless <c>PermitDynamic</c>), or null when the
    /// row goes to <see cref="To"/>. A row that chooses has the first of its possible destinations as <see cref="To"/>.
    /// </summary>
    public DestinationChoice<TState, TContext>? Choice { get; init; }

    /// <summary>Where the row may go: its destination, or each destination its choice may pick.</summary>
    public IReadOnlyList<TState> Destinations => Choice is { } choice ? [.. choice.Options.Select(o => o.State)] : [To];

    /// <summary>The state the row goes to in a context: its destination, or the one its choice picks.</summary>
    public TState DestinationIn(TContext context) => Choice is { } choice ? choice.Choose(context) : To;

    /// <summary>True when the row has no guard or its guard holds in the context.</summary>
    public bool Holds(TContext context) => Guard is null || Guard.Holds(context);

    /// <summary>The label diagrams show: <c>Trigger [guard]</c>.</summary>
    public string Label => Guard is null ? Trigger.ToString() : $"{Trigger} [{Guard.Description}]";

    /// <summary>A stable key naming this row, used by coverage marks.</summary>
    public string Key => $"{From}--{Label}-->{(Choice is null ? To.ToString() : string.Join("|", Destinations))}";
}

/// <summary>A named decision that picks a row's destination from a declared set, each with the condition that picks it.</summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TContext">What the decision reads.</typeparam>
/// <param name="Description">What the decision is, shown in diagrams.</param>
/// <param name="Choose">The decision itself; it returns one of <paramref name="Options"/>.</param>
/// <param name="Options">The possible destinations, each with the condition under which it is picked.</param>
internal sealed record DestinationChoice<TState, TContext>(
    string Description,
    Func<TContext, TState> Choose,
    IReadOnlyList<(TState State, string When)> Options)
    where TState : struct, Enum;

/// <summary>A named condition on the context that decides whether a row applies.</summary>
/// <typeparam name="TContext">What the condition reads.</typeparam>
/// <param name="Description">What the condition means, shown in diagrams.</param>
/// <param name="Holds">The condition itself.</param>
internal sealed record Guard<TContext>(string Description, Func<TContext, bool> Holds);

/// <summary>
/// A trigger a state accepts and does nothing with, with the reason why. A rejection is an ignore rule that
/// also refuses the trigger: the engine reports it to the caller as an error instead of a notice.
/// </summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
internal sealed record IgnoreRow<TState, TTrigger>(TState In, TTrigger Trigger, string Reason)
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>True when the rule refuses the trigger rather than merely ignoring it.</summary>
    public bool IsRejection { get; init; }

    /// <summary>A stable key naming this rule, used by coverage marks: <c>State ignores Trigger</c> or <c>State rejects Trigger</c>.</summary>
    public string Key => $"{In} {(IsRejection ? "rejects" : "ignores")} {Trigger}";
}
