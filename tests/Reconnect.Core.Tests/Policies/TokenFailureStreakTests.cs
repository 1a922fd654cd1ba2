using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

/// <summary>The token provider's failure streak alone.</summary>
public sealed class TokenFailureStreakTests
{
    [Fact]
    public void Every_threshold_th_failure_in_a_row_is_told()
    {
        var told = new List<int>();
        var streak = 0;
        for (var i = 0; i < 7; i++)
        {
            (streak, var tell) = TokenFailureStreak.After(streak, networkUnreachable: false, noticeThreshold: 3);
            if (tell)
            {
                told.Add(streak);
            }
        }

        Assert.Equal(7, streak);
        Assert.Equal([3, 6], told);
    }

    [Fact]
    public void A_failure_of_the_local_network_leaves_the_streak_and_is_not_told()
    {
        Assert.Equal((2, false), TokenFailureStreak.After(2, networkUnreachable: true, noticeThreshold: 3));
        Assert.Equal((3, false), TokenFailureStreak.After(3, networkUnreachable: true, noticeThreshold: 3));
        Assert.Equal((1, true), TokenFailureStreak.After(0, networkUnreachable: false, noticeThreshold: 1));
    }
}
