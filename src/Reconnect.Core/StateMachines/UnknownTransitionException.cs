namespace Reconnect.Core.StateMachines;

/// <summary>A trigger arrived in a state whose table has no row or ignore rule for it: a bug in the caller.</summary>
internal sealed class UnknownTransitionException : InvalidOperationException
{
    /// <summary>Creates the error naming machine, state and trigger.</summary>
    public UnknownTransitionException(string machine, string state, string trigger)
        : base($"Machine '{machine}' has no transition from state '{state}' on trigger '{trigger}'.")
    {
        Machine = machine;
        State = state;
        Trigger = trigger;
    }

    /// <summary>Creates the error with a message only.</summary>
    public UnknownTransitionException()
        : this("?", "?", "?")
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public UnknownTransitionException(string message)
        : base(message)
    {
        Machine = State = Trigger = "?";
    }

    /// <summary>Creates the error with a message and a cause.</summary>
    public UnknownTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Machine = State = Trigger = "?";
    }

    /// <summary>The machine's name.</summary>
    public string Machine { get; }

    /// <summary>The state the machine was in.</summary>
    public string State { get; }

    /// <summary>The trigger that had no row.</summary>
    public string Trigger { get; }
}
