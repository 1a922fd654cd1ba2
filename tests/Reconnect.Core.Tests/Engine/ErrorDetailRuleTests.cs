using Reconnect.Core.Engine;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Engine;

/// <summary>An error says what happened and where: the reason the port gave with the failure is carried into it.</summary>
public sealed class ErrorDetailRuleTests
{
    private const string Refused = "connection refused by ws://127.0.0.1:5080/signal";

    [Fact]
    public void Giving_up_names_what_ended_the_last_attempt_as_the_port_reported_it()
    {
        var h = new EngineHarness(new ReconnectOptions { Backoff = new SocketBackoffOptions { MaxAttempts = 1 } })
            .Join("A", "room", EngineHarness.Peer("B"));
        h.DropSocket();
        h.AwaitAttempt();
        h.AnswerToken();

        h.Feed(new SocketClosed(h.Snapshot.Epoch, CloseCodes.ConnectionRefused, Refused));
        h.Advance(TimeSpan.FromMinutes(1));

        var gaveUp = Assert.Single(h.Errors<ReconnectError>());
        Assert.Equal(new ReconnectAttemptsExhausted(1, Refused), gaveUp);
        Assert.Equal($"Gave up reconnecting after 1 attempts; the last failed: {Refused}.", gaveUp.Message);
    }

    [Fact]
    public void A_first_connect_refused_names_the_refusal_and_the_endpoint_the_port_reported()
    {
        var h = new EngineHarness();
        h.Feed(new JoinRequested("room", "A", EngineHarness.Meta()));
        h.AnswerToken();

        h.Feed(new SocketClosed(h.Snapshot.Epoch, CloseCodes.ConnectionRefused, Refused));

        var failed = Assert.Single(h.Errors<ReconnectError>());
        Assert.Equal(new FirstConnectFailed(CloseCodes.ConnectionRefused, "connection_refused", Refused), failed);
        Assert.Contains($"first connect failed: {Refused}", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kicked", "The server closed the connection for good: admin_disconnect (4005): kicked.")]
    [InlineData("admin_disconnect", "The server closed the connection for good: admin_disconnect (4005).")]
    [InlineData("", "The server closed the connection for good: admin_disconnect (4005).")]
    public void A_terminal_close_message_adds_the_server_reason_unless_it_only_repeats_the_code_name(string detail, string message) =>
        Assert.Equal(message, new TerminalCloseError(CloseCodes.AdminDisconnect, "admin_disconnect", detail).Message);
}
