using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class TokenProviderRuleTests
{
    private static EngineHarness JoinedAndDropped()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        return h;
    }

    [Fact]
    public void Token_fetch_unanswered_for_10_s_counts_as_a_failed_attempt_and_retries()
    {
        var h = JoinedAndDropped();
        h.AwaitAttempt();
        var fetching = h.Checkpoint;

        h.Advance(TimeSpan.FromSeconds(9.999));
        Assert.Empty(h.Since<SocketRetryScheduledNotice>(fetching));
        Assert.Equal(0, h.Snapshot.FailedAttempts);

        h.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Single(h.Since<SocketRetryScheduledNotice>(fetching));
        Assert.Equal(1, h.Snapshot.FailedAttempts);
        Assert.Empty(h.Since<OpenSocket>(fetching));
    }

    [Fact]
    public void Token_fetches_that_keep_timing_out_are_reported_as_a_provider_that_timed_out()
    {
        var h = JoinedAndDropped();
        var before = h.Checkpoint;

        h.Advance(TimeSpan.FromMinutes(2));

        var failing = h.Since<TokenProviderFailingNotice>(before).First();
        Assert.Equal("the token provider timed out", failing.LastReason);
    }

    [Fact]
    public void Token_answer_after_its_timeout_is_ignored()
    {
        var h = JoinedAndDropped();
        var fetch = h.AwaitAttempt();
        h.Advance(TimeSpan.FromSeconds(10));
        var timedOut = h.Checkpoint;

        h.Feed(new TokenFetched(fetch.Attempt, "late", EngineHarness.DefaultIce));

        Assert.Empty(h.Since<OpenSocket>(timedOut));
        Assert.Single(h.Since<InputIgnoredNotice>(timedOut));
    }

    [Fact]
    public void Three_consecutive_token_failures_raise_TokenProviderFailing_with_the_count()
    {
        var h = JoinedAndDropped();
        var counts = new List<int>();
        for (var i = 1; i <= 7; i++)
        {
            var fetch = h.AwaitAttempt();
            var before = h.Checkpoint;
            if (i == 2)
            {
                h.Advance(TimeSpan.FromSeconds(10));
            }
            else
            {
                h.Feed(new TokenFetchFailed(fetch.Attempt, $"down {i}"));
            }

            counts.AddRange(h.Since<TokenProviderFailingNotice>(before).Select(n => n.ConsecutiveFailures));
        }

        Assert.Equal([3, 6], counts);
        Assert.Equal(new TokenProviderFailingNotice(3, "down 3"), h.All<TokenProviderFailingNotice>().First());
    }

    [Fact]
    public void Token_success_restarts_the_consecutive_failure_count()
    {
        var h = JoinedAndDropped();
        for (var i = 0; i < 2; i++)
        {
            h.Feed(new TokenFetchFailed(h.AwaitAttempt().Attempt, "down"));
        }

        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        h.DropSocket();
        for (var i = 0; i < 2; i++)
        {
            h.Feed(new TokenFetchFailed(h.AwaitAttempt().Attempt, "down"));
        }

        Assert.Empty(h.All<TokenProviderFailingNotice>());
    }

    [Fact]
    public void Ice_servers_from_the_latest_token_reach_every_connection_created_after_it()
    {
        IReadOnlyList<IceServer> first = [new(["stun:first.test"])];
        IReadOnlyList<IceServer> second = [new(["turn:second.test"], "user", "secret")];
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.Connect([EngineHarness.Peer("B")], first);
        Assert.Equal(first, Assert.Single(h.All<CreateConnection>()).IceServers);

        h.DropSocket();
        h.AwaitAttempt();
        var reconnect = h.Checkpoint;
        h.Connect([EngineHarness.Peer("B"), EngineHarness.Peer("C")], second);
        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("D")));

        var created = h.Since<CreateConnection>(reconnect).ToList();
        Assert.Equal(["B", "C", "D"], created.Select(c => c.RemotePeerId));
        Assert.All(created, c => Assert.Equal(second, c.IceServers));
    }
}
