using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

public sealed class FirstConnectRuleTests
{
    private static readonly ReconnectOptions RetryFirst = new() { RetryFirstConnect = true };

    private static EngineHarness StartJoin(ReconnectOptions? options = null)
    {
        var h = new EngineHarness(options);
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        return h;
    }

    [Fact]
    public void Failed_first_connect_fails_fast_by_default_and_returns_the_local_peer_to_idle()
    {
        var h = StartJoin();
        h.AnswerToken();
        h.OpenSocket();

        h.DropSocket(CloseCodes.Abnormal);
        h.Advance(TimeSpan.FromMinutes(5));

        var failed = Assert.Single(h.Errors<ReconnectError>());
        Assert.Equal(new FirstConnectFailed(CloseCodes.Abnormal, "abnormal", "dropped"), failed);
        Assert.Equal("The first connect failed: dropped (abnormal).", failed.Message);
        Assert.Equal([(LocalPeerState.Idle, LocalPeerState.Joining), (LocalPeerState.Joining, LocalPeerState.Idle)], h.LocalChanges().Select(c => (c.From, c.To)));
        Assert.Empty(h.All<SocketRetryScheduledNotice>());
        Assert.Single(h.All<FetchToken>());
        Assert.Equal(SignallingSocketState.Idle, h.Snapshot.Socket);
    }

    [Fact]
    public void Failed_first_token_fetch_fails_fast_by_default()
    {
        var h = StartJoin();

        h.Feed(new TokenFetchFailed(h.Last<FetchToken>().Attempt, "provider down"));

        var failed = Assert.Single(h.Errors<ReconnectError>());
        Assert.Equal(new FirstConnectFailed(null, "token provider failed", "provider down"), failed);
        Assert.Equal("The first connect failed: provider down (token provider failed).", failed.Message);
        Assert.Equal((LocalPeerState.Idle, SignallingSocketState.Idle), (h.Snapshot.Local, h.Snapshot.Socket));
        Assert.Empty(h.All<OpenSocket>());
    }

    [Fact]
    public void Welcome_timeout_on_the_first_connect_fails_fast_by_default()
    {
        var h = StartJoin();
        h.AnswerToken();
        h.OpenSocket();

        h.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(CloseCodes.WelcomeTimeout, Assert.Single(h.Errors<FirstConnectFailed>()).Code);
        Assert.Equal(LocalPeerState.Idle, h.Snapshot.Local);
    }

    [Fact]
    public void Fast_failed_first_connect_can_be_joined_again()
    {
        var h = StartJoin();
        h.AnswerToken();
        h.OpenSocket();
        h.DropSocket();

        h.Join("A", "room", EngineHarness.Peer("B"));

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Equal("B", Assert.Single(h.Snapshot.Remotes).Id);
    }

    [Fact]
    public void RetryFirstConnect_retries_a_failed_first_connect_while_the_local_peer_stays_joining()
    {
        var h = StartJoin(RetryFirst);
        h.AnswerToken();
        h.OpenSocket();

        h.DropSocket(CloseCodes.Abnormal);

        Assert.Empty(h.Errors<ReconnectError>());
        Assert.Equal(CloseCodes.Abnormal, h.Last<SocketRetryScheduledNotice>().CloseCode);
        Assert.Equal(LocalPeerState.Joining, h.Snapshot.Local);

        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Joined], h.LocalChanges().Select(c => c.To));
        Assert.Null(h.LastSent<JoinMessage>().ResumeSessionId);
    }

    [Fact]
    public void RetryFirstConnect_retries_a_failed_first_token_fetch()
    {
        var h = StartJoin(RetryFirst);

        h.Feed(new TokenFetchFailed(h.Last<FetchToken>().Attempt, "provider down"));
        h.Reconnect();

        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Equal(2, h.All<FetchToken>().Count());
    }
}
