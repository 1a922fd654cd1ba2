using Reconnect.Core.Engine;

namespace Reconnect;

/// <summary>A client operation failed with a typed <see cref="ReconnectError"/>, such as <see cref="TerminalCloseError"/>.</summary>
public sealed class ReconnectException : Exception
{
    /// <summary>Creates the exception for an error.</summary>
    public ReconnectException(ReconnectError error)
        : this(error, null)
    {
    }

    /// <summary>Creates the exception for an error with a cause.</summary>
    public ReconnectException(ReconnectError error, Exception? innerException)
        : base((error ?? throw new ArgumentNullException(nameof(error))).Message, innerException)
    {
        Error = error;
    }

    /// <summary>The typed error.</summary>
    public ReconnectError Error { get; }
}
