using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Engine;

/// <summary>The frozen-media watchdog: connected media whose inbound counts stand still starts the ICE restart ladder.</summary>
public sealed partial class CallEngine
{
    private void HandleMediaFlow(MediaFlowReported report)
    {
        var watchdog = _options.MediaWatchdog;
        if (!watchdog.Enabled
            || !_peers.TryGetValue(report.RemotePeerId, out var peer)
            || !peer.HasConnection
            || report.Generation != peer.Generation)
        {
            return;
        }

        if (peer.Phase != RemotePeerPhase.Connected || peer.Roster.Streams.Count == 0)
        {
            peer.Flow = null;
            return;
        }

        var verdict = MediaFlowWatch.Judge(peer.Flow, report.Generation, report.FramesReceived, report.BytesReceived, _now, watchdog.FrozenAfter);
        peer.Flow = verdict.Mark;
        if (verdict.StalledFor is { } stalled)
        {
            Mark(CoverageMarks.MediaFrozen);
            Emit(new MediaFrozenNotice(peer.Id, peer.Ref, peer.Generation, stalled));
            FireRemote(peer, RemotePeerTrigger.MediaFrozen, "inbound media frozen");
        }
    }
}
