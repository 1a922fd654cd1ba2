using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Engine;

/// <summary>
/// The frozen-media watchdog: connected media whose inbound counts stand still starts the ICE restart ladder; once the
/// counts move again the restart has healed it. ICE itself said connected all along, so no ICE state will say so.
/// </summary>
public sealed partial class CallEngine
{
    private void HandleMediaFlow(MediaFlowReported report)
    {
        if (!_options.MediaWatchdog.Enabled
            || !_peers.TryGetValue(report.RemotePeerId, out var peer)
            || !peer.HasConnection
            || report.Generation != peer.Generation)
        {
            return;
        }

        if (peer.Phase == RemotePeerPhase.Connected && peer.Roster.Streams.Count > 0)
        {
            WatchFlow(peer, report);
        }
        else if (peer.State == RemotePeerState.Reconnecting && peer.FrozenFlow is { } frozen)
        {
            ThawWhenFlowing(peer, frozen, report);
        }
        else
        {
            peer.Flow = null;
        }
    }

    /// <summary>Judges a connected peer's counts; frozen ones start the ladder, remembering the counts they froze at.</summary>
    private void WatchFlow(RemotePeerEntry peer, MediaFlowReported report)
    {
        var last = peer.Flow;
        var verdict = MediaFlowWatch.Judge(last, report.Generation, report.FramesReceived, report.BytesReceived, _now, _options.MediaWatchdog.FrozenAfter);
        peer.Flow = verdict.Mark;
        if (verdict.StalledFor is not { } stalled)
        {
            return;
        }

        Mark(CoverageMarks.MediaFrozen);
        Emit(new MediaFrozenNotice(peer.Id, peer.Ref, peer.Generation, stalled));
        FireRemote(peer, RemotePeerTrigger.MediaFrozen, "inbound media frozen");
        peer.FrozenFlow = last;
    }

    /// <summary>
    /// After a freeze, counts that move forward again on the same connection mean the restart healed it: the peer is
    /// connected. Counts that fell below the frozen ones are a fresh counter, not media: they become the counts to move from.
    /// </summary>
    private void ThawWhenFlowing(RemotePeerEntry peer, MediaFlowMark frozen, MediaFlowReported report)
    {
        if (frozen.RestartedBelow(report.Generation, report.FramesReceived, report.BytesReceived))
        {
            peer.FrozenFlow = frozen with { FramesReceived = report.FramesReceived, BytesReceived = report.BytesReceived };
        }
        else if (!frozen.StillAt(report.Generation, report.FramesReceived, report.BytesReceived))
        {
            FireRemote(peer, RemotePeerTrigger.IceConnected, "media flowing again");
        }
    }
}
