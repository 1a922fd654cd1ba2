using Reconnect.Core.Ports;
using Reconnect.Testing.Time;

namespace Reconnect.Transports.Tests.InMemory;

/// <summary>
/// The in-memory connection models Chromium: one that has only answered (it applied a remote offer and none of its own
/// offers was answered) and then rolls its own offer back, a remote offer applied over it in glare, takes no inbound
/// frame again, whatever ICE does next, and its port lists it. A rollback by a side that has had an offer answered, or
/// that has not answered yet, loses nothing.
/// </summary>
public sealed class AnswerOnlyRollbackTests
{
    private readonly VirtualTimeProvider _clock = new();
    private readonly MediaAgent _a;
    private readonly MediaAgent _b;

    public AnswerOnlyRollbackTests() => (_, _a, _b) = MediaAgent.Pair(_clock);

    [Fact]
    public void A_side_that_has_only_answered_and_rolls_its_offer_back_takes_no_frame_again_and_is_listed()
    {
        Exchange(offerer: _a, answerer: _b);
        _b.Offer(iceRestart: false);

        Exchange(offerer: _a, answerer: _b);

        Assert.Equal([("A", 1)], _b.AnswerOnlyRollbacks);
        Assert.Empty(_a.AnswerOnlyRollbacks);
        var (a, b) = (_a.Frames, _b.Frames);
        _clock.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal(IceConnectionState.Connected, _b.State);
        Assert.Equal(b, _b.Frames);
        Assert.True(_a.Frames - a >= 45, $"A received {_a.Frames - a} frames in 5 s");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_side_that_had_an_offer_answered_or_had_not_answered_yet_rolls_back_and_keeps_its_frames(bool answeredBefore)
    {
        if (answeredBefore)
        {
            Exchange(offerer: _b, answerer: _a);
            Exchange(offerer: _a, answerer: _b);
        }

        _b.Offer(iceRestart: false);
        Exchange(offerer: _a, answerer: _b);

        Assert.Empty(_b.AnswerOnlyRollbacks);
        var b = _b.Frames;
        _clock.RunFor(TimeSpan.FromSeconds(5));
        Assert.True(_b.Frames - b >= 45, $"B received {_b.Frames - b} frames in 5 s");
    }

    /// <summary>One offer and its answer, then two seconds for ICE to connect.</summary>
    private void Exchange(MediaAgent offerer, MediaAgent answerer)
    {
        offerer.Apply(answerer.Answer(offerer.Offer(iceRestart: false)));
        _clock.RunFor(TimeSpan.FromSeconds(2));
    }
}
