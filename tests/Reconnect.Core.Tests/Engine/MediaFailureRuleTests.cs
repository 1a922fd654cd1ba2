using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Engine;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// A media verb's failure, by <see cref="MediaFailurePolicy"/>: a remote candidate or a close is tolerated (a notice,
/// nothing else); a local stream verb raises a MediaError and keeps the connection; a connection or negotiation verb
/// raises a MediaError and heals the connection as a broken one (over a connected ICE, which no ICE state will report
/// healed, the ladder's next completed exchange is the heal). A failure of a stale generation or for a departed peer is
/// ignored by rule, whatever the verb.
/// </summary>
public sealed class MediaFailureRuleTests
{
    private static readonly MediaOperation[] Operations = Enum.GetValues<MediaOperation>();

    /// <summary>Where the remote peer stands when the failure comes.</summary>
    private enum PeerStanding
    {
        Connecting,
        Connected,
        Reconnecting,
    }

    /// <summary>Which connection the failure names.</summary>
    private enum FailureTarget
    {
        Live,
        Older,
        Newer,
        Departed,
    }

    [Theory]
    [InlineData(MediaOperation.AddIceCandidate, MediaFailureResponse.Tolerate)]
    [InlineData(MediaOperation.Close, MediaFailureResponse.Tolerate)]
    [InlineData(MediaOperation.AttachLocalStream, MediaFailureResponse.Report)]
    [InlineData(MediaOperation.DetachLocalStream, MediaFailureResponse.Report)]
    [InlineData(MediaOperation.ReplaceTrack, MediaFailureResponse.Report)]
    [InlineData(MediaOperation.CreateConnection, MediaFailureResponse.Heal)]
    [InlineData(MediaOperation.CreateOffer, MediaFailureResponse.Heal)]
    [InlineData(MediaOperation.CreateAnswer, MediaFailureResponse.Heal)]
    [InlineData(MediaOperation.SetLocalDescription, MediaFailureResponse.Heal)]
    [InlineData(MediaOperation.SetRemoteDescription, MediaFailureResponse.Heal)]
    [InlineData(MediaOperation.RestartIce, MediaFailureResponse.Heal)]
    public void The_policy_tolerates_candidates_and_closes_reports_stream_verbs_and_heals_on_the_rest(object operation, object response) =>
        Assert.Equal((MediaFailureResponse)response, MediaFailurePolicy.Decide((MediaOperation)operation));

    [Fact]
    public void The_policy_decides_every_operation() =>
        Assert.All(Operations, op => Assert.True(Enum.IsDefined(MediaFailurePolicy.Decide(op))));

    [Property(MaxTest = 300)]
    public Property A_failure_is_tolerated_reported_or_healed_by_its_verb_on_the_live_connection_and_ignored_on_any_other(NonNegativeInt op, NonNegativeInt standing, NonNegativeInt target, ulong seed)
    {
        var operation = Operations[op.Get % Operations.Length];
        var at = (PeerStanding)(standing.Get % 3);
        var to = (FailureTarget)(target.Get % 4);
        var verdict = Check(operation, at, to, seed);
        return (verdict is null).Label($"SEED=0x{seed:X} {operation} while {at} on {to}: {verdict}");
    }

    [Theory]
    [InlineData(MediaOperation.CreateOffer)]
    [InlineData(MediaOperation.SetLocalDescription)]
    [InlineData(MediaOperation.RestartIce)]
    public void A_heal_path_failure_over_a_connected_ice_heals_when_the_ladders_exchange_completes(object operation)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        NegotiationPaths.Establish(h, polite: false);
        h.MediaConnected("B");

        h.Feed(new MediaOperationFailed("B", 1, (MediaOperation)operation, "failed"));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);

        RenegotiatedHeal.RestartExchangeHeals(h, "renegotiated after a media failure", CoverageMarks.MediaFailureRenegotiated);
    }

    [Fact]
    public void A_heal_path_failure_over_a_disconnected_ice_waits_for_ice_to_say_connected()
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join("A", "room", EngineHarness.Peer("B"));
        NegotiationPaths.Establish(h, polite: false);
        h.MediaConnected("B");
        h.Ice("B", IceConnectionState.Disconnected);

        h.Feed(new MediaOperationFailed("B", 1, MediaOperation.CreateOffer, "failed"));
        h.LocalDescription("B", 1, SdpType.Offer, "restart");
        h.Signal("B", new AnswerSignal(1, "restart answer", 2));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);

        h.MediaConnected("B");
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.DoesNotContain(CoverageMarks.MediaFailureRenegotiated, h.Engine.Coverage.Keys);
    }

    private static string? Check(MediaOperation operation, PeerStanding standing, FailureTarget target, ulong seed)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket, seed).Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        if (standing != PeerStanding.Connecting)
        {
            h.MediaConnected("B");
        }

        if (standing == PeerStanding.Reconnecting)
        {
            h.Ice("B", IceConnectionState.Failed);
        }

        var live = h.Remote("B").Generation;
        if (target == FailureTarget.Departed)
        {
            h.ServerSends(new PeerLeftMessage("B", h.Remote("B").SessionId, "left"));
        }

        var generation = target switch
        {
            FailureTarget.Older => live - 1,
            FailureTarget.Newer => live + 1,
            _ => live,
        };
        var before = h.Describe();
        var step = h.Feed(new MediaOperationFailed("B", generation, operation, "failed"));
        var unchanged = before == h.Describe();

        if (target != FailureTarget.Live)
        {
            return step is [InputIgnoredNotice] && unchanged ? null : $"expected one ignored notice and no change, got [{string.Join(", ", step)}]";
        }

        var error = new ErrorRaisedNotice(new MediaError("B", "failed", operation));
        return MediaFailurePolicy.Decide(operation) switch
        {
            MediaFailureResponse.Tolerate => step.SequenceEqual([new MediaFailureToleratedNotice("B", h.Remote("B").Ref, live, operation, "failed")]) && unchanged
                ? null
                : $"expected only a tolerated notice, got [{string.Join(", ", step)}]",
            MediaFailureResponse.Report => step.SequenceEqual([error]) && unchanged
                ? null
                : $"expected only a MediaError, got [{string.Join(", ", step)}]",
            _ => step.Contains(error) && h.Remote("B").State == RemotePeerState.Reconnecting && h.Remote("B").LadderAttempt >= 1
                && (standing == PeerStanding.Reconnecting || h.RestartOffers().Any())
                ? null
                : $"expected a MediaError and the ladder under way, got [{string.Join(", ", step)}] with B {h.Remote("B").State}, attempt {h.Remote("B").LadderAttempt}",
        };
    }
}
