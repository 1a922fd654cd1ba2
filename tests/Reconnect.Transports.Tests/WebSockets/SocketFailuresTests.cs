using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using Reconnect.Core.Engine;
using Reconnect.Core.Policies;

namespace Reconnect.Transports.Tests.WebSockets;

/// <summary>Each socket error, however deep in the chain ClientWebSocket wraps it, maps onto one engine input.</summary>
public sealed class SocketFailuresTests
{
    [Theory]
    [InlineData(SocketError.NetworkUnreachable)]
    [InlineData(SocketError.NetworkDown)]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.TryAgain)]
    [InlineData(SocketError.NoData)]
    public void A_local_outage_is_SignallingUnreachable_with_no_close_code(SocketError error)
    {
        var input = SocketFailures.ToInput(4, Wrapped(new SocketException((int)error)), Endpoint);

        var unreachable = Assert.IsType<SignallingUnreachable>(input);
        Assert.Equal(4, unreachable.Epoch);
        Assert.StartsWith("ws://127.0.0.1:5080/signal is unreachable: ", unreachable.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_that_does_not_resolve_is_SignallingUnreachable()
    {
        var failure = new WebSocketException("Unable to connect", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"));

        Assert.IsType<SignallingUnreachable>(SocketFailures.ToInput(1, failure, Endpoint));
    }

    [Fact]
    public void A_refused_connect_is_the_refusal_code()
    {
        var input = SocketFailures.ToInput(2, Wrapped(new SocketException((int)SocketError.ConnectionRefused)), Endpoint);

        Assert.Equal(new SocketClosed(2, CloseCodes.ConnectionRefused, "connection refused by ws://127.0.0.1:5080/signal"), input);
    }

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionAborted)]
    [InlineData(SocketError.TimedOut)]
    [InlineData(SocketError.HostUnreachable)]
    public void A_reset_an_abort_or_a_timeout_is_1006(SocketError error)
    {
        var closed = Assert.IsType<SocketClosed>(SocketFailures.ToInput(3, Wrapped(new SocketException((int)error)), Endpoint));

        Assert.Equal((3, CloseCodes.Abnormal), (closed.Epoch, closed.Code));
        Assert.EndsWith("(ws://127.0.0.1:5080/signal)", closed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_socket_closed_without_a_close_frame_is_1006()
    {
        var closed = Assert.IsType<SocketClosed>(SocketFailures.ToInput(5, new WebSocketException(WebSocketError.ConnectionClosedPrematurely), Endpoint));

        Assert.Equal((5, CloseCodes.Abnormal), (closed.Epoch, closed.Code));
    }

    [Fact]
    public void The_endpoint_is_named_without_its_query_or_user_info_which_may_carry_secrets()
    {
        var secret = new Uri("wss://user:pw@example.com:8443/signal?access_token=s3cret");

        var closed = SocketFailures.ToInput(1, Wrapped(new SocketException((int)SocketError.ConnectionRefused)), secret);

        Assert.Equal("connection refused by wss://example.com:8443/signal", Assert.IsType<SocketClosed>(closed).Reason);
    }

    private static Uri Endpoint { get; } = new("ws://127.0.0.1:5080/signal");

    private static WebSocketException Wrapped(SocketException error) =>
        new("Unable to connect to the remote server", new HttpRequestException(HttpRequestError.ConnectionError, error.Message, error));
}
