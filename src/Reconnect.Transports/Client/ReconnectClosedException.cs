namespace Reconnect;

/// <summary>The client was closed (by the user or for good by the engine); create a new client to join again.</summary>
public sealed class ReconnectClosedException : ObjectDisposedException
{
    private const string DefaultMessage = "The client is closed; create a new client to join again.";

    /// <summary>Creates the exception.</summary>
    public ReconnectClosedException()
        : base(nameof(ReconnectClient), DefaultMessage)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ReconnectClosedException(string message)
        : base(nameof(ReconnectClient), message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ReconnectClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
