namespace Reconnect.Sim.Cli;

/// <summary>A mistake in what the user typed (an option's value, a file or folder that is not there); printed without a stack trace, exit code 2.</summary>
internal sealed class CliError : Exception
{
    /// <summary>Creates the error with the line to print.</summary>
    public CliError(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with the line to print and what caused it.</summary>
    public CliError(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with no words; prefer a constructor that says what is wrong.</summary>
    public CliError()
        : base("The command line is not valid.")
    {
    }
}
