namespace Reconnect.Core.Engine;

/// <summary>The signalling socket's states.</summary>
public enum SignallingSocketState
{
    /// <summary>Not connecting.</summary>
    Idle,

    /// <summary>Waiting for the token provider before an attempt.</summary>
    FetchingToken,

    /// <summary>The socket is opening or open and waiting for the welcome.</summary>
    Connecting,

    /// <summary>Open and welcomed.</summary>
    Open,

    /// <summary>Backing off before the next attempt.</summary>
    WaitingToRetry,

    /// <summary>The operating system says there is no network; attempts pause.</summary>
    Offline,

    /// <summary>Closed for good: terminal code, attempts exhausted, or user close.</summary>
    Closed,
}
