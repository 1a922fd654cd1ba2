namespace Reconnect.Browser.Harness.Calls;

/// <summary>A call did not do what was waited for or checked: the message names the call and shows every page's state and event log.</summary>
public sealed class CallCheckException : Exception
{
    public CallCheckException()
    {
    }

    public CallCheckException(string message)
        : base(message)
    {
    }

    public CallCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
