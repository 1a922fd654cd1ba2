using System.Net.WebSockets;
using System.Text;
using Reconnect.Core.Policies;

namespace Reconnect.Transports.Tests.WebSockets;

/// <summary>A close the engine asks for always fits on the wire.</summary>
public sealed class CloseFramesTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(1011)]
    [InlineData(3000)]
    [InlineData(CloseCodes.LivenessTimeout)]
    [InlineData(CloseCodes.SendQueueOverflow)]
    [InlineData(4999)]
    public void A_code_a_peer_may_send_goes_as_it_is(int code) =>
        Assert.Equal(code, (int)CloseFrames.Sendable(code));

    [Theory]
    [InlineData(CloseCodes.Abnormal)]
    [InlineData(1005)]
    [InlineData(1015)]
    [InlineData(999)]
    [InlineData(2000)]
    [InlineData(5000)]
    public void A_code_no_peer_may_send_goes_as_1000(int code) =>
        Assert.Equal(WebSocketCloseStatus.NormalClosure, CloseFrames.Sendable(code));

    [Fact]
    public void A_long_reason_is_cut_to_123_bytes_never_inside_a_character()
    {
        var reason = CloseFrames.Reason(new string('é', 100));

        Assert.Equal(122, Encoding.UTF8.GetByteCount(reason));
        Assert.Equal(new string('é', 61), reason);
        Assert.Equal("short", CloseFrames.Reason("short"));
    }
}
