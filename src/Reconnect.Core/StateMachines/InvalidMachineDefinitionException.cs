namespace Reconnect.Core.StateMachines;

/// <summary>A machine table failed validation when it was built (duplicate rows, unreachable states, missing deadlines).</summary>
internal sealed class InvalidMachineDefinitionException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    public InvalidMachineDefinitionException()
    {
    }

    /// <summary>Creates the error with a message.</summary>
    public InvalidMachineDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with a message and a cause.</summary>
    public InvalidMachineDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
