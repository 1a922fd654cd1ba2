using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Testing.Time;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.InMemory;

/// <summary>RFC 8445 §12.1 / RFC 7675 §5.1: an ICE restart keeps the previous selected pair and its consent until a new pair is nominated.</summary>
public sealed class IceRestartTests
{
    private readonly VirtualTimeProvider _clock = new();
    private readonly TestFabric _fabric;
    private readonly MediaAgent _a;
    private readonly MediaAgent _b;

    public IceRestartTests()
    {
        (_fabric, _a, _b) = MediaAgent.Pair(_clock);
        Negotiate(iceRestart: false);
        _clock.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal([IceConnectionState.Connected, IceConnectionState.Connected], [_a.State, _b.State]);
    }

    [Fact]
    public void A_restart_whose_answer_has_not_arrived_keeps_media_flowing_both_ways_on_the_old_pair()
    {
        var offer = _a.Offer(iceRestart: true);
        _b.Answer(offer);
        var a = _a.Frames;
        var b = _b.Frames;

        _clock.RunFor(TimeSpan.FromSeconds(20));

        Assert.True(_a.Frames - a >= 190, $"A received {_a.Frames - a} frames in 20 s");
        Assert.True(_b.Frames - b >= 190, $"B received {_b.Frames - b} frames in 20 s");
        Assert.Equal([IceConnectionState.Connected, IceConnectionState.Connected], [_a.State, _b.State]);
        Assert.Empty(_a.StatesSince(offer.At));
    }

    [Fact]
    public void A_path_that_returns_during_a_pending_restart_reconnects_on_the_old_pair_without_the_answer()
    {
        _fabric.BlockMedia("A", blocked: true);
        _clock.RunFor(TimeSpan.FromSeconds(4));
        Assert.Equal([IceConnectionState.Disconnected, IceConnectionState.Disconnected], [_a.State, _b.State]);
        var offer = _a.Offer(iceRestart: true);
        _b.Answer(offer);
        _clock.RunFor(TimeSpan.FromSeconds(8));
        var a = _a.Frames;

        _fabric.BlockMedia("A", blocked: false);
        _clock.RunFor(TimeSpan.FromSeconds(1));

        Assert.Equal([IceConnectionState.Connected, IceConnectionState.Connected], [_a.State, _b.State]);
        Assert.True(_a.Frames - a >= 5, $"A received {_a.Frames - a} frames in the second after the path returned");
        Assert.Equal([IceConnectionState.Connected], _a.StatesSince(offer.At));
    }

    [Fact]
    public void A_pair_nominated_under_the_new_credentials_replaces_the_old_one()
    {
        var oldA = _a.Ufrag;
        var oldB = _b.Ufrag;
        var offer = _a.Offer(iceRestart: true);
        var answer = _b.Answer(offer);
        _clock.RunFor(TimeSpan.FromSeconds(1));
        Assert.True(_a.Delivered(oldB, oldA), "an old-pair frame still counts while the restart's checks run");

        _a.Apply(answer);
        _clock.RunFor(TimeSpan.FromSeconds(2));

        Assert.NotEqual(oldA, _a.Ufrag);
        Assert.False(_a.Delivered(oldB, oldA), "the old pair was dropped once the new one was nominated");
        Assert.False(_b.Delivered(oldA, oldB), "the old pair was dropped once the new one was nominated");
        Assert.True(_a.Delivered(_b.Ufrag, _a.Ufrag), "the new pair carries frames");
        Assert.Empty(_a.StatesSince(offer.At));
        Assert.Empty(_b.StatesSince(offer.At));
    }

    [Fact]
    public void Consent_failure_on_the_old_pair_during_a_restart_fails_after_the_consent_bound_and_only_the_restart_recovers()
    {
        var blockedAt = _clock.Elapsed;
        _fabric.BlockMedia("A", blocked: true);
        _clock.RunFor(TimeSpan.FromMilliseconds(500));
        var offer = _a.Offer(iceRestart: true);

        _clock.RunUntil(blockedAt + TimeSpan.FromSeconds(14));
        Assert.Equal(IceConnectionState.Disconnected, _a.State);
        _clock.RunUntil(blockedAt + TimeSpan.FromSeconds(16));
        Assert.Equal([IceConnectionState.Disconnected, IceConnectionState.Failed], _a.StatesSince(offer.At));
        Assert.Equal(IceConnectionState.Failed, _b.State);

        _fabric.BlockMedia("A", blocked: false);
        _clock.RunFor(TimeSpan.FromSeconds(5));
        Assert.Equal([IceConnectionState.Failed, IceConnectionState.Failed], [_a.State, _b.State]);

        _a.Apply(_b.Answer(offer));
        _clock.RunFor(TimeSpan.FromSeconds(2));
        Assert.Equal([IceConnectionState.Connected, IceConnectionState.Connected], [_a.State, _b.State]);
    }

    private void Negotiate(bool iceRestart) => _a.Apply(_b.Answer(_a.Offer(iceRestart)));

    [Fact]
    public void An_offer_asked_while_a_remote_offer_awaits_its_answer_fails_as_W3C_createOffer_does_and_succeeds_once_answered()
    {
        var offer = _a.Offer(iceRestart: true);
        _b.TakeRemote(offer);

        _b.AskOffer();

        var failure = Assert.Single(_b.Failures);
        Assert.Equal(MediaOperation.CreateOffer, failure.Operation);
        Assert.Equal(0, _b.OffersCreated);
        _b.AnswerTaken();
        _b.AskOffer();
        Assert.Single(_b.Failures);
        Assert.Equal(1, _b.OffersCreated);
    }
}
