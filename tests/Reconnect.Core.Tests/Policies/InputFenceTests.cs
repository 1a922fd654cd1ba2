using Reconnect.Core.Engine;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

/// <summary>The fence on one signalling attempt's inputs alone.</summary>
public sealed class InputFenceTests
{
    private static readonly SignallingAttempt Open = new(Epoch: 4, Alive: true, Opened: true, TokenAttempt: 2, FetchingToken: false);

    private static readonly SignallingAttempt Fetching = new(Epoch: 4, Alive: false, Opened: true, TokenAttempt: 2, FetchingToken: true);

    [Fact]
    public void Only_the_awaited_token_fetch_is_answered()
    {
        Assert.Null(InputFence.StaleReason(new TokenFetched(2, "t", []), Fetching));
        Assert.Null(InputFence.StaleReason(new TokenFetchFailed(2, "down"), Fetching));
        Assert.Equal("stale token attempt", InputFence.StaleReason(new TokenFetched(1, "t", []), Fetching));
        Assert.Equal("stale token attempt", InputFence.StaleReason(new TokenFetchFailed(3, "down"), Fetching));
        Assert.Equal("stale token attempt", InputFence.StaleReason(new TokenFetched(2, "t", []), Open));
    }

    [Fact]
    public void Only_the_live_socket_reports_and_it_opens_once()
    {
        var connecting = Open with { Opened = false };
        Assert.Null(InputFence.StaleReason(new SocketOpened(4), connecting));
        Assert.Equal("stale socket epoch", InputFence.StaleReason(new SocketOpened(4), Open));
        Assert.Equal("stale socket epoch", InputFence.StaleReason(new SocketOpened(3), connecting));
        Assert.Equal("stale socket epoch", InputFence.StaleReason(new SocketOpened(4), connecting with { Alive = false }));
        Assert.Null(InputFence.StaleReason(new FrameReceived(4, "{}"), Open));
        Assert.Null(InputFence.StaleReason(new SocketClosed(4, 1000, "bye"), Open));
        Assert.Null(InputFence.StaleReason(new SignallingUnreachable(4, "down"), Open));
        Assert.Equal("stale socket epoch", InputFence.StaleReason(new FrameReceived(3, "{}"), Open));
        Assert.Equal("stale socket epoch", InputFence.StaleReason(new SocketClosed(4, 1000, "bye"), Open with { Alive = false }));
        Assert.Equal("stale socket epoch", InputFence.StaleReason(new SignallingUnreachable(5, "down"), Open));
    }

    [Fact]
    public void Inputs_of_no_attempt_are_never_fenced()
    {
        Assert.Null(InputFence.StaleReason(new LeaveRequested(), Open with { Alive = false, FetchingToken = false }));
        Assert.Null(InputFence.StaleReason(new WokeUp(TimeSpan.FromSeconds(1)), Fetching));
    }

    [Fact]
    public void A_fenced_input_is_named_by_its_attempt_or_socket()
    {
        Assert.Equal("token for attempt 1", InputFence.Describe(new TokenFetched(1, "t", [])));
        Assert.Equal("token failure for attempt 3", InputFence.Describe(new TokenFetchFailed(3, "down")));
        Assert.Equal("socket 3 opened", InputFence.Describe(new SocketOpened(3)));
        Assert.Equal("socket 3 closed (4001)", InputFence.Describe(new SocketClosed(3, 4001, "x")));
        Assert.Equal("socket 3 unreachable", InputFence.Describe(new SignallingUnreachable(3, "x")));
        Assert.Equal("frame on socket 3", InputFence.Describe(new FrameReceived(3, "{}")));
        Assert.Equal("LeaveRequested", InputFence.Describe(new LeaveRequested()));
    }
}
