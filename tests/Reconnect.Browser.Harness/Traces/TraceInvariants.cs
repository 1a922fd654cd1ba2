using Reconnect.Channel;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Harness.Traces;

/// <summary>
/// Runs the simulator's <see cref="InvariantChecker"/> over a page's saved trace, one notice at a time with a step
/// after each instant (the events of one time stamp), as the simulator checks a live peer. The page cannot know which of its remote peers truly left the
/// channel (the simulator learns it from its server); the test does, and tells the checker what the simulator's server
/// would: the peers in <c>departed</c> left for good (each of their sessions is told removed as the page meets it), and
/// the server evicted the sessions in <c>evicted</c> (silent past its grace; their peers may rejoin under new sessions,
/// which stay in the channel). A peer-left for a removed session is right; any other is a violation.
/// </summary>
public static class TraceInvariants
{
    public static IReadOnlyList<string> Check(IReadOnlyList<TraceEvent> trace, IReadOnlySet<string> departed) =>
        Check(trace, departed, new HashSet<string>(StringComparer.Ordinal));

    public static IReadOnlyList<string> Check(IReadOnlyList<TraceEvent> trace, IReadOnlySet<string> departed, IReadOnlySet<string> evicted)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(evicted);
        var peers = trace.Select(e => e.Peer).Where(p => p != TraceEvent.WorldPeer).Distinct(StringComparer.Ordinal).Select(p => new ReplayedPeer(p)).ToList();
        var checker = new InvariantChecker(seed: 0, peers, longestServerHint: TimeSpan.Zero);
        foreach (var session in evicted.Order(StringComparer.Ordinal))
        {
            checker.OnServerNotice(new ChannelNotice(ChannelNoticeKinds.Evicted, string.Empty, null, $"{session} silent past the grace"));
        }

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
