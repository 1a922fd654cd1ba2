using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Transports.WebSockets;

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
        var input = SocketFailures.ToInput(4, Wrapped(new SocketException((int)error)));

        Assert.Equal(4, Assert.IsType<SignallingUnreachable>(input).Epoch);
    }

    [Fact]
    public void A_name_that_does_not_resolve_is_SignallingUnreachable()
    {
        var failure = new WebSocketException("Unable to connect", new HttpRequestException(HttpRequestError.NameResolutionError, "no such host"));

        Assert.IsType<SignallingUnreachable>(SocketFailures.ToInput(1, failure));
    }

    [Fact]
    public void A_refused_connect_is_the_refusal_code()
    {
        var input = SocketFailures.ToInput(2, Wrapped(new SocketException((int)SocketError.ConnectionRefused)));

        Assert.Equal(new SocketClosed(2, CloseCodes.ConnectionRefused, "connection refused"), input);
    }

    [Theory]
    [InlineData(SocketError.ConnectionReset)]
    [InlineData(SocketError.ConnectionAborted)]
    [InlineData(SocketError.TimedOut)]
    [InlineData(SocketError.HostUnreachable)]
    public void A_reset_an_abort_or_a_timeout_is_1006(SocketError error)
    {
        var closed = Assert.IsType<SocketClosed>(SocketFailures.ToInput(3, Wrapped(new SocketException((int)error))));

        Assert.Equal((3, CloseCodes.Abnormal), (closed.Epoch, closed.Code));
    }

    [Fact]
    public void A_socket_closed_without_a_close_frame_is_1006()
    {
        var closed = Assert.IsType<SocketClosed>(SocketFailures.ToInput(5, new WebSocketException(WebSocketError.ConnectionClosedPrematurely)));

        Assert.Equal((5, CloseCodes.Abnormal), (closed.Epoch, closed.Code));
    }

    private static WebSocketException Wrapped(SocketException error) =>
        new("Unable to connect to the remote server", new HttpRequestException(HttpRequestError.ConnectionError, error.Message, error));
}
