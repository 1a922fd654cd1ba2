using Reconnect.Core.Engine;

namespace Reconnect.Core.Policies;

/// <summary>What the fence knows of the signalling attempt under way.</summary>
/// <param name="Epoch">The epoch of the newest socket opened.</param>
/// <param name="Alive">True while that socket has not ended.</param>
/// <param name="Opened">True once that socket reported it opened.</param>
/// <param name="TokenAttempt">The number of the newest token fetch.</param>
/// <param name="FetchingToken">True while the socket waits for that fetch.</param>
internal readonly record struct SignallingAttempt(long Epoch, bool Alive, bool Opened, long TokenAttempt, bool FetchingToken);

/// <summary>
/// The fence on the inputs of one signalling attempt: a token answer for any fetch but the one awaited, or a socket's
/// report (opened, closed, unreachable, a frame) for any socket but the live one (an opened one reported once), is
/// stale and ignored with the reason. Pure: every input belongs to a token attempt or socket epoch it names.
/// </summary>
internal static class InputFence
{
    /// <summary>Why the input is stale, or null when it applies (or is no input of an attempt).</summary>
    public static string? StaleReason(EngineInput input, SignallingAttempt attempt) => input switch
    {
        TokenFetched token => StaleToken(token.Attempt, attempt),
        TokenFetchFailed failed => StaleToken(failed.Attempt, attempt),
        SocketOpened opened => StaleSocket(opened.Epoch, attempt with { Alive = attempt.Alive && !attempt.Opened }),
        SocketClosed closed => StaleSocket(closed.Epoch, attempt),
        SignallingUnreachable unreachable => StaleSocket(unreachable.Epoch, attempt),
        FrameReceived frame => StaleSocket(frame.Epoch, attempt),
        _ => null,
    };

    /// <summary>How a fenced input is named in its notice.</summary>
    public static string Describe(EngineInput input) => input switch
    {
        TokenFetched token => $"token for attempt {token.Attempt}",
        TokenFetchFailed failed => $"token failure for attempt {failed.Attempt}",
        SocketOpened opened => $"socket {opened.Epoch} opened",
        SocketClosed closed => $"socket {closed.Epoch} closed ({closed.Code})",
        SignallingUnreachable unreachable => $"socket {unreachable.Epoch} unreachable",
        FrameReceived frame => $"frame on socket {frame.Epoch}",
        _ => input.GetType().Name,
    };

    private static string? StaleToken(long number, SignallingAttempt attempt) =>
        number != attempt.TokenAttempt || !attempt.FetchingToken ? "stale token attempt" : null;

    private static string? StaleSocket(long epoch, SignallingAttempt attempt) =>
        epoch != attempt.Epoch || !attempt.Alive ? "stale socket epoch" : null;
}
