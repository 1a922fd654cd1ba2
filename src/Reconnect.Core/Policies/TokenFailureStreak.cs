namespace Reconnect.Core.Policies;

/// <summary>
/// The token provider's failures in a row, and when the app is told: a fetch that failed because the local network is
/// unreachable says nothing about the provider and leaves the streak as it is; every
/// <see cref="TokenProviderOptions.FailureNoticeThreshold"/>-th failure in a row is told. Pure.
/// </summary>
internal static class TokenFailureStreak
{
    /// <summary>The streak after a failed fetch, and whether the app is told of it.</summary>
    public static (int Streak, bool Tell) After(int streak, bool networkUnreachable, int noticeThreshold)
    {
        if (networkUnreachable)
        {
            return (streak, false);
        }

        var next = streak + 1;
        return (next, next % noticeThreshold == 0);
    }
}
