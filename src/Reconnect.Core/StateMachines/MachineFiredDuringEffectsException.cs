namespace Reconnect.Core.StateMachines;

/// <summary>
/// A machine was fired while another machine's effects were being performed: a bug in the engine, which must queue the
/// request as a signal and deliver it once the effect is done.
/// </summary>
internal sealed class MachineFiredDuringEffectsException : InvalidOperationException
{
    /// <summary>Creates the error naming the machine and the trigger fired.</summary>
    public MachineFiredDuringEffectsException(string machine, string trigger)
        : base($"Machine '{machine}' was fired with '{trigger}' while another machine's effects were being performed; queue a signal instead.")
    {
        Machine = machine;
        Trigger = trigger;
    }

    /// <summary>Creates the error with a message only.</summary>
    public MachineFiredDuringEffectsException()
        : this("?", "?")
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public MachineFiredDuringEffectsException(string message)
        : base(message)
    {
        Machine = Trigger = "?";
    }

    /// <summary>Creates the error with a message and a cause.</summary>
    public MachineFiredDuringEffectsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Machine = Trigger = "?";
    }

    /// <summary>The machine's name.</summary>
    public string Machine { get; }

    /// <summary>The trigger fired.</summary>
    public string Trigger { get; }
}
