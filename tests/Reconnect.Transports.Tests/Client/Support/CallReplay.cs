using System.Runtime.CompilerServices;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>
/// Rebuilds the call from a snapshot and the events after it, as an application following <see cref="ReconnectClient.Events"/>
/// would, and describes it canonically (peer and stream identities included; metadata left out, since a join event does not carry it) to compare with another snapshot.
/// </summary>
internal sealed class CallReplay
{
    private readonly SortedDictionary<string, Peer> _peers = new(StringComparer.Ordinal);
    private LocalPeerState _state;

    public CallReplay(CallSnapshotEvent snapshot)
    {
        _state = snapshot.State;
        foreach (var view in snapshot.RemotePeers)
        {
            var peer = new Peer(view.Peer) { State = view.State, Generation = view.Generation };
            foreach (var stream in view.Streams)
            {
                peer.Streams[stream.Id] = stream;
            }

            _peers[view.Peer.Id] = peer;
        }
    }

    /// <summary>The snapshot a client would take now, described.</summary>
    public static string Describe(CallSnapshotEvent snapshot) => new CallReplay(snapshot).Describe();

    public CallReplay Apply(IEnumerable<ReconnectEvent> events)
    {
        foreach (var evt in events)
        {
            Apply(evt);
        }

        return this;
    }

    public string Describe() =>
        $"{_state}; " + string.Join("; ", _peers.Values.Select(p =>
            $"{p.Object.Id}@{RuntimeHelpers.GetHashCode(p.Object)} {p.State} gen {p.Generation} " +
            $"streams [{string.Join(",", p.Streams.Values.Select(s => $"{s.Id}#{s.Generation}@{RuntimeHelpers.GetHashCode(s)}"))}]"));

    private void Apply(ReconnectEvent evt)
    {
        switch (evt)
        {
            case StateChangedEvent e:
                _state = e.To;
                break;
            case PeerJoinedEvent e:
                _peers[e.Peer.Id] = new Peer(e.Peer);
                break;
            case PeerLeftEvent e when Known(e.Peer) is { } peer:
                _peers.Remove(peer.Object.Id);
                break;
            case RemotePeerStateChangedEvent e when Known(e.Peer) is { } peer:
                peer.State = e.To;
                break;
            case ConnectionBuiltEvent e when Known(e.Peer) is { } peer:
                peer.Generation = e.Generation;
                break;
            case StreamAddedEvent e when Known(e.Peer) is { } peer:
                peer.Streams[e.Stream.Id] = e.Stream;
                break;
            case StreamRemovedEvent e when Known(e.Peer) is { } peer && peer.Streams.TryGetValue(e.Stream.Id, out var bound) && ReferenceEquals(bound, e.Stream):
                peer.Streams.Remove(e.Stream.Id);
                break;
            default:
                break;
        }
    }

    private Peer? Known(RemotePeer remote) =>
        _peers.TryGetValue(remote.Id, out var peer) && ReferenceEquals(peer.Object, remote) ? peer : null;

    private sealed class Peer(RemotePeer remote)
    {
        public RemotePeer Object { get; } = remote;

        public RemotePeerState State { get; set; } = RemotePeerState.Idle;

        public int Generation { get; set; }

        public SortedDictionary<string, RemoteStream> Streams { get; } = new(StringComparer.Ordinal);
    }
}
