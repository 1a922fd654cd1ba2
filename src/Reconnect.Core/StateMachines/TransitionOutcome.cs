namespace Reconnect.Core.StateMachines;

/// <summary>What firing a trigger did: the row taken (or the ignore rule) and the effects to perform in order.</summary>
/// <typeparam name="TState">The machine's states.</typeparam>
/// <typeparam name="TTrigger">The machine's triggers.</typeparam>
/// <typeparam name="TEffect">The effects the engine performs.</typeparam>
/// <typeparam name="TContext">What guards read.</typeparam>
internal sealed record TransitionOutcome<TState, TTrigger, TEffect, TContext>(
    TState From,
    TState To,
    TTrigger Trigger,
    TransitionRow<TState, TTrigger, TEffect, TContext>? Row,
    string? IgnoredBecause,
    IReadOnlyList<TEffect> Effects)
    where TState : struct, Enum
    where TTrigger : struct, Enum
    where TEffect : struct, Enum
{
    /// <summary>True when the state changed.</summary>
    public bool Changed => !EqualityComparer<TState>.Default.Equals(From, To);

    /// <summary>True when an ignore rule (or a rejection) absorbed the trigger.</summary>
    public bool Ignored => IgnoredBecause is not null;

    /// <summary>The ignore (or rejection) rule that absorbed the trigger, if one did.</summary>
    public IgnoreRow<TState, TTrigger>? IgnoreRule { get; init; }

    /// <summary>True when the rule that absorbed the trigger refuses it (see <see cref="IgnoreRow{TState, TTrigger}.IsRejection"/>).</summary>
    public bool Rejected => IgnoreRule is { IsRejection: true };

    /// <summary>The key of the row or rule taken, as coverage counts it.</summary>
    public string Key => Row?.Key ?? IgnoreRule!.Key;
}
