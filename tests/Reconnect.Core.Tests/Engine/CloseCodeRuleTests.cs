using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

public sealed class CloseCodeRuleTests
{
    [Theory]
    [InlineData(CloseCodes.InvalidToken, "invalid_token")]
    [InlineData(CloseCodes.ChannelNotAuthorized, "channel_not_authorized")]
    [InlineData(CloseCodes.AccountSuspended, "account_suspended")]
    [InlineData(CloseCodes.AdminDisconnect, "admin_disconnect")]
    public void Terminal_code_raises_one_TerminalCloseError_closes_the_local_peer_and_never_retries(int code, string name)
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var before = h.Checkpoint;

        h.DropSocket(code);
        h.Feed(new NetworkChanged(NetworkChange.Online));
        h.Advance(TimeSpan.FromHours(1));

        var terminal = Assert.Single(h.Errors<ReconnectError>(before));
        Assert.Equal(new TerminalCloseError(code, name, "dropped"), terminal);
        Assert.Equal($"The server closed the connection for good: {name} ({code}): dropped.", terminal.Message);
        Assert.Equal((LocalPeerState.Closed, SignallingSocketState.Closed), (h.Snapshot.Local, h.Snapshot.Socket));
        Assert.Empty(h.Since<SocketRetryScheduledNotice>(before));
        Assert.Empty(h.Since<FetchToken>(before));
        Assert.Empty(h.Since<OpenSocket>(before));
    }

    [Theory]
    [InlineData(CloseCodes.InvalidToken)]
    [InlineData(CloseCodes.AdminDisconnect)]
    public void Terminal_code_during_a_reconnect_attempt_gives_up_at_once(int code)
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();
        h.OpenSocket();
        var before = h.Checkpoint;

        h.DropSocket(code);
        h.Advance(TimeSpan.FromHours(1));

        Assert.Equal(code, Assert.Single(h.Errors<TerminalCloseError>(before)).Code);
        Assert.Equal((LocalPeerState.Closed, SignallingSocketState.Closed), (h.Snapshot.Local, h.Snapshot.Socket));
        Assert.Empty(h.Since<FetchToken>(before));
    }

    [Fact]
    public void Terminal_code_during_the_first_connect_raises_TerminalCloseError_not_FirstConnectFailed()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();
        h.OpenSocket();

        h.DropSocket(CloseCodes.AccountSuspended);

        var error = Assert.IsType<TerminalCloseError>(Assert.Single(h.Errors<ReconnectError>()));
        Assert.Equal(CloseCodes.AccountSuspended, error.Code);
        Assert.Equal([LocalPeerState.Joining, LocalPeerState.Closed], h.LocalChanges().Select(c => c.To));
    }

    [Fact]
    public void Token_expired_4002_retries_and_asks_the_token_provider_again()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.DropSocket(CloseCodes.TokenExpired);
        var fetch = h.AwaitAttempt();
        h.AnswerToken();

        Assert.Equal(CloseCodes.TokenExpired, h.Last<SocketRetryScheduledNotice>().CloseCode);
        Assert.Equal(2, fetch.Attempt);
        Assert.Equal("token-2", h.Last<OpenSocket>().Token);
        Assert.Empty(h.Errors<ReconnectError>());
    }

    [Fact]
    public void Every_socket_attempt_is_preceded_by_its_own_token_fetch()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        foreach (var code in new[] { CloseCodes.TokenExpired, CloseCodes.Abnormal, CloseCodes.TokenExpired, CloseCodes.ServiceRestart })
        {
            h.DropSocket(code);
            h.Reconnect(EngineHarness.Peer("B"));
        }

        var sequence = h.Outputs.Where(o => o is FetchToken or OpenSocket).Select(o => o.GetType().Name).ToList();

        Assert.Equal(Enumerable.Repeat(new[] { "FetchToken", "OpenSocket" }, 5).SelectMany(p => p), sequence);
        Assert.Equal(h.All<FetchToken>().Select(f => $"token-{f.Attempt}"), h.All<OpenSocket>().Select(o => o.Token));
    }

    [Theory]
    [InlineData(CloseCodes.Normal)]
    [InlineData(CloseCodes.GoingAway)]
    [InlineData(CloseCodes.ServiceRestart)]
    [InlineData(CloseCodes.Abnormal)]
    [InlineData(3000)]
    [InlineData(4999)]
    public void Graceful_abnormal_and_unknown_codes_retry(int code)
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));

        h.DropSocket(code);
        h.Reconnect(EngineHarness.Peer("B"));

        Assert.Equal(code, h.Last<SocketRetryScheduledNotice>().CloseCode);
        Assert.Equal(LocalPeerState.Joined, h.Snapshot.Local);
        Assert.Empty(h.Errors<ReconnectError>());
    }
}
