using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Ports;
using Reconnect.Core.Time;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// No flicker over drawn outage lengths and thresholds: a reconnect is shown iff it lasted the threshold (at exactly
/// the threshold its timer fires first), told recovered iff shown and healed, and never shown twice without a recovered
/// or its end between.
/// </summary>
public sealed class ReconnectingVisiblePropertyTests
{
    [Property(MaxTest = 60)]
    public Property Local_outages_are_shown_iff_they_last_the_threshold_and_recovered_iff_shown(PositiveInt thresholdMs, NonEmptyArray<NonNegativeInt> outagesMs, ulong seed)
    {
        var threshold = TimeSpan.FromMilliseconds(50 + (thresholdMs.Get % 3_000));
        var outages = outagesMs.Get.Take(4).Select(o => TimeSpan.FromMilliseconds(o.Get % 5_000)).ToList();
        var h = new EngineHarness(new ReconnectOptions { ReconnectingVisibleAfter = threshold }, seed).Join("A", "room", EngineHarness.Peer("B"));
        foreach (var outage in outages)
        {
            h.DropSocket();
            var droppedAt = h.Now;
            while (h.Now - droppedAt < outage)
            {
                h.FailNextAttempt();
            }

            h.Reconnect(EngineHarness.Peer("B"));
        }

        var timeline = h.Timed<EngineOutput>().Select(t => (t.At, Step: LocalStep(t.Output))).Where(t => t.Step is not null).ToList();
        var verdict = Check(timeline!, threshold);
        return (verdict is null).Label($"SEED=0x{seed:X} threshold {threshold} outages [{string.Join(", ", outages)}]: {verdict}");
    }

    [Property(MaxTest = 60)]
    public Property A_remote_outage_is_shown_iff_it_lasts_the_threshold_and_recovered_iff_shown_and_connected_again(PositiveInt thresholdMs, NonNegativeInt outageMs, ulong seed)
    {
        var threshold = TimeSpan.FromMilliseconds(50 + (thresholdMs.Get % 3_000));
        var outage = TimeSpan.FromMilliseconds(outageMs.Get % 40_000);
        var h = new EngineHarness(new ReconnectOptions { ReconnectingVisibleAfter = threshold }, seed).Join("A", "room", EngineHarness.Peer("B"));
        h.MediaConnected("B");
        h.Ice("B", IceConnectionState.Disconnected);
        h.Advance(outage);
        if (h.Remote("B").State == RemotePeerState.Reconnecting)
        {
            h.Ice("B", IceConnectionState.Connected);
        }

        h.Advance(TimeSpan.FromSeconds(5));
        var timeline = h.Timed<EngineOutput>().Select(t => (t.At, Step: RemoteStep(t.Output, "B"))).Where(t => t.Step is not null).ToList();
        var verdict = Check(timeline!, threshold);
        return (verdict is null).Label($"SEED=0x{seed:X} threshold {threshold} outage {outage}: {verdict}");
    }

    private static Step? LocalStep(EngineOutput output) => output switch
    {
        LocalStateChangedNotice { To: LocalPeerState.Reconnecting } => new Step(StepKind.Entered, Healed: false),
        LocalStateChangedNotice { From: LocalPeerState.Reconnecting } c => new Step(StepKind.Left, c.To == LocalPeerState.Joined),
        ReconnectingVisibleNotice { RemotePeerId: null } => new Step(StepKind.Shown, Healed: false),
        ReconnectingRecoveredNotice { RemotePeerId: null } => new Step(StepKind.Recovered, Healed: false),
        _ => null,
    };

    private static Step? RemoteStep(EngineOutput output, string id) => output switch
    {
        RemoteStateChangedNotice { To: RemotePeerState.Reconnecting } c when c.RemotePeerId == id => new Step(StepKind.Entered, Healed: false),
        RemoteStateChangedNotice { From: RemotePeerState.Reconnecting } c when c.RemotePeerId == id => new Step(StepKind.Left, c.To == RemotePeerState.Connected),
        ReconnectingVisibleNotice n when n.RemotePeerId == id => new Step(StepKind.Shown, Healed: false),
        ReconnectingRecoveredNotice n when n.RemotePeerId == id => new Step(StepKind.Recovered, Healed: false),
        _ => null,
    };

    /// <summary>
    /// Walks one owner's reconnects in order (a recovered notice comes in the step that heals, just before its state
    /// change); null when every rule held, else what broke.
    /// </summary>
    private static string? Check(IReadOnlyList<(Instant At, Step Step)> timeline, TimeSpan threshold)
    {
        Instant? since = null;
        var (shown, recovered) = (0, 0);
        foreach (var (at, step) in timeline)
        {
            switch (step.Kind)
            {
                case StepKind.Entered:
                    (since, shown, recovered) = (at, 0, 0);
                    break;
                case StepKind.Shown when since is null || ++shown > 1 || at - since.Value != threshold:
                    return $"a visible notice at {at} outside a reconnect, twice in one, or not at the threshold";
                case StepKind.Recovered when since is null || shown != 1 || ++recovered > 1:
                    return $"a recovered notice at {at} outside a shown reconnect, or twice in one";
                case StepKind.Left when since is { } began:
                    var lasted = at - began;
                    if ((shown == 1) != (lasted >= threshold) || (recovered == 1) != (shown == 1 && step.Healed))
                    {
                        return $"a reconnect of {lasted} ended at {at} (healed: {step.Healed}) with {shown} visible and {recovered} recovered notices";
                    }

                    since = null;
                    break;
                default:
                    break;
            }
        }

        return null;
    }

    private enum StepKind
    {
        Entered,
        Shown,
        Left,
        Recovered,
    }

    private sealed record Step(StepKind Kind, bool Healed);
}
