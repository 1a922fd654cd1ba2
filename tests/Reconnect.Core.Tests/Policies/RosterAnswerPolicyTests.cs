using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Policies;

/// <summary>Whether a roster answers the reconcile round under way, alone.</summary>
public sealed class RosterAnswerPolicyTests
{
    private static string? Why(int requestId, long version = 0, bool takesAnswers = true, int firstRequestId = 5, long snapshot = 0) =>
        RosterAnswerPolicy.IgnoredBecause(new RosterMessage(requestId, [], version), takesAnswers, firstRequestId, snapshot);

    [Fact]
    public void A_roster_for_any_request_of_the_round_is_taken()
    {
        Assert.Null(Why(5));
        Assert.Null(Why(7));
    }

    [Fact]
    public void A_roster_for_an_earlier_round_or_when_no_round_takes_answers_is_superseded()
    {
        Assert.Equal("answers a superseded reconcile round", Why(4));
        Assert.Equal("answers a superseded reconcile round", Why(5, takesAnswers: false));
    }

    [Fact]
    public void A_roster_older_than_the_applied_snapshot_is_ignored_unless_the_server_has_no_versions()
    {
        Assert.Equal("version 8 is older than the snapshot already applied (version 9)", Why(5, version: 8, snapshot: 9));
        Assert.Null(Why(5, version: 9, snapshot: 9));
        Assert.Null(Why(5, version: 0, snapshot: 9));
    }
}
