using Reconnect.Channel;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Harness.Traces;

/// <summary>
/// Runs the simulator's <see cref="InvariantChecker"/> over a page's saved trace, one notice at a time with a step
/// after each instant (the events of one time stamp), as the simulator checks a live peer. The page cannot know which of its remote peers truly left the
/// channel (the simulator learns it from its server); the test does, and names them in <c>departed</c>: their
/// sessions are told removed by the server, so a peer-left for them is right and any other is a violation.
/// </summary>
public static class TraceInvariants
{
    public static IReadOnlyList<string> Check(IReadOnlyList<TraceEvent> trace, IReadOnlySet<string> departed)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var peers = trace.Select(e => e.Peer).Where(p => p != TraceEvent.WorldPeer).Distinct(StringComparer.Ordinal).Select(p => new ReplayedPeer(p)).ToList();
        var checker = new InvariantChecker(seed: 0, peers, longestServerHint: TimeSpan.Zero);
        var byName = peers.ToDictionary(p => p.Name, StringComparer.Ordinal);
        for (var i = 0; i < trace.Count; i++)
        {
            var e = trace[i];
            if (i > 0 && trace[i - 1].T != e.T)
            {
                checker.AfterStep(trace[i - 1].T);
            }

            if (!byName.TryGetValue(e.Peer, out var peer) || TraceNotices.ToNotice(e) is not { } notice)
            {
                continue;
            }

            if (e.Event == TraceEventKind.PeerJoined && departed.Contains(e.Remote ?? string.Empty))
            {
                checker.OnServerNotice(new ChannelNotice(ChannelNoticeKinds.Left, string.Empty, e.Remote, TraceNotices.SessionOf(e)));
            }

            checker.OnNotice(peer, notice, e.T);
        }

        if (trace.Count > 0)
        {
            checker.AfterStep(trace[^1].T);
        }

        return checker.Violations;
    }
}
