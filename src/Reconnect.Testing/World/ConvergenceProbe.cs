using Reconnect.Core.Protocol;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.World;

/// <summary>
/// Decides whether the call has healed: every live peer joined, its identity map equal to the server's roster,
/// every remote connected with frames flowing on the live generation, every published stream (published at the
/// join or later) bound to it, and every replaced track sent on it, but for a stream whose attach or track replacement
/// failed on that connection (the engine reports it with a MediaError and keeps the connection, by MediaFailurePolicy).
/// </summary>
public static class ConvergenceProbe
{
    /// <summary>How recent the last frame must be for media to count as flowing.</summary>
    public static readonly TimeSpan FlowWindow = TimeSpan.FromSeconds(1);

    /// <summary>Every reason the call is not healed yet; empty when it is.</summary>
    public static IReadOnlyList<string> Pending(IEnumerable<SimPeer> peers, InMemorySignallingServer server, TimeSpan now) =>
        [.. Reasons(peers, server, now)];

    /// <summary>True when no reason is pending; stops at the first one, so it is cheap to ask often.</summary>
    public static bool NothingPending(IEnumerable<SimPeer> peers, InMemorySignallingServer server, TimeSpan now) =>
        !Reasons(peers, server, now).Any();

    private static IEnumerable<string> Reasons(IEnumerable<SimPeer> peers, InMemorySignallingServer server, TimeSpan now)
    {
        foreach (var peer in peers.Where(IsLive))
        {
            if (peer.Engine.LocalState != LocalPeerState.Joined)
            {
                yield return $"{peer.Name} is {peer.Engine.LocalState.ToString().ToLowerInvariant()}";
                continue;
            }

            var snapshot = peer.Engine.Snapshot;
            var roster = Others(server.Logic.Roster(peer.Spec.Channel), peer.Name);
            if (!snapshot.Remotes.Select(r => (r.Id, r.SessionId)).SequenceEqual(roster.Select(e => (e.PeerId, e.SessionId))))
            {
                var known = string.Join(", ", snapshot.Remotes.Select(r => (r.Id, r.SessionId)));
                var expected = string.Join(", ", roster.Select(e => (e.PeerId, e.SessionId)));
                yield return $"{peer.Name} knows [{known}] but the server lists [{expected}]";
                continue;
            }

            for (var i = 0; i < roster.Count; i++)
            {
                var (remote, entry) = (snapshot.Remotes[i], roster[i]);
                if (remote.State != RemotePeerState.Connected)
                {
                    yield return $"{peer.Name} sees {remote.Id} {remote.State.ToString().ToLowerInvariant()}";
                    continue;
                }

                var media = peer.Media.Connection(remote.Id, remote.Generation);
                if (media is null || media.FramesReceived == 0 || now - media.LastFrameAt > FlowWindow)
                {
                    yield return $"{peer.Name} gets no frames from {remote.Id} on connection {remote.Generation}";
                    continue;
                }

                var sender = peers.FirstOrDefault(p => p.Name == remote.Id)?.Media.Connection(peer.Name, remote.Generation);
                foreach (var stream in entry.Streams.Where(s => sender?.FailedStreams.Contains(s.StreamId) != true))
                {
                    if (!remote.Streams.Any(s => s.StreamId == stream.StreamId && s.Generation == remote.Generation))
                    {
                        yield return $"{peer.Name} has no stream {stream.StreamId} from {remote.Id} on connection {remote.Generation}";
                    }
                }

                foreach (var (stream, track) in peer.Tracks.Where(t => !media.FailedStreams.Contains(t.Key)))
                {
                    if (!media.Tracks.TryGetValue(stream, out var sent) || sent != track)
                    {
                        yield return $"{peer.Name} sends {stream} to {remote.Id} on connection {remote.Generation} with track {sent ?? "(none)"}, not {track}";
                    }
                }
            }
        }
    }

    private static List<RosterEntry> Others(IReadOnlyList<RosterEntry> roster, string self)
    {
        var others = new List<RosterEntry>(roster.Count);
        foreach (var entry in roster)
        {
            if (entry.PeerId != self)
            {
                others.Add(entry);
            }
        }

        return others;
    }

    /// <summary>
    /// True for a peer expected in the call: the app joined it and did not leave or close it, and the engine did not
    /// close. A peer whose join was dropped (still idle) is expected, so it keeps the call from counting as healed.
    /// </summary>
    public static bool IsLive(SimPeer peer) =>
        peer.Started && !peer.Departed && peer.Engine.LocalState != LocalPeerState.Closed;
}
