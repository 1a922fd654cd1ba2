using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Checks what must hold after every step of an engine, from its outputs and snapshot: state notices chain
/// (each From is the previous To, per machine and per RemotePeer object), nothing is output after the Closed
/// notice but the refusal of a later join (or the notice that a later leave or close was ignored), a RemotePeer's Ref for an id changes only after a PeerLeft for it (or
/// after the local peer left or closed, which closes every RemotePeer), and the snapshot agrees with the notices.
/// </summary>
internal sealed class EngineInvariants
{
    private readonly Dictionary<string, long> _liveRefs = new(StringComparer.Ordinal);
    private readonly Dictionary<long, RemotePeerState> _remoteStates = [];
    private LocalPeerState _local = LocalPeerState.Idle;
    private bool _closed;

    public void Check(EngineInput input, IReadOnlyList<EngineOutput> step, CallSnapshot snapshot)
    {
        foreach (var output in step)
        {
            Require(
                !_closed || (input is JoinRequested && output is ErrorRaisedNotice { Error: CommandRejected })
                    || (input is LeaveRequested or CloseRequested && output is InputIgnoredNotice)
                    || (input is DataSendRequested && output is ErrorRaisedNotice { Error: DataSendFailed { Reason: DataSendFailure.CallEnded } }),
                $"{output} was output after the Closed notice, for {input}");
            Observe(output);
        }

        Require(snapshot.Local == _local, $"the snapshot says {snapshot.Local} but the last local notice said {_local}");
        var ids = snapshot.Remotes.Select(r => r.Id).ToList();
        Require(
            ids.Order(StringComparer.Ordinal).SequenceEqual(_liveRefs.Keys.Order(StringComparer.Ordinal)),
            $"the snapshot holds [{string.Join(", ", ids)}] but the notices say [{string.Join(", ", _liveRefs.Keys.Order(StringComparer.Ordinal))}]");
        foreach (var remote in snapshot.Remotes)
        {
            Require(_liveRefs[remote.Id] == remote.Ref, $"{remote.Id} has Ref {remote.Ref} in the snapshot but {_liveRefs[remote.Id]} in the notices");
            Require(_remoteStates[remote.Ref] == remote.State, $"{remote.Id} is {remote.State} in the snapshot but {_remoteStates[remote.Ref]} in the notices");
        }
    }

    private void Observe(EngineOutput output)
    {
        switch (output)
        {
            case LocalStateChangedNotice change:
                Require(change.From == _local, $"{change} does not start where the last local notice ended ({_local})");
                _local = change.To;
                _closed = change.To == LocalPeerState.Closed;
                if (change.To is LocalPeerState.Idle or LocalPeerState.Closed || change.From == LocalPeerState.Leaving)
                {
                    EndEveryRemotePeer(change);
                }

                break;
            case PeerJoinedNotice joined:
                Require(!_liveRefs.ContainsKey(joined.Peer.PeerId), $"{joined.Peer.PeerId} got Ref {joined.Ref} without a PeerLeft for Ref {_liveRefs.GetValueOrDefault(joined.Peer.PeerId)}");
                Require(!_remoteStates.ContainsKey(joined.Ref), $"Ref {joined.Ref} was reused");
                _liveRefs[joined.Peer.PeerId] = joined.Ref;
                _remoteStates[joined.Ref] = RemotePeerState.Idle;
                break;
            case RemoteStateChangedNotice change:
                RequireLive(change.RemotePeerId, change.Ref, change);
                Require(change.From == _remoteStates[change.Ref], $"{change} does not start where the last notice of Ref {change.Ref} ended ({_remoteStates[change.Ref]})");
                _remoteStates[change.Ref] = change.To;
                break;
            case PeerLeftNotice left:
                RequireLive(left.RemotePeerId, left.Ref, left);
                _liveRefs.Remove(left.RemotePeerId);
                break;
            case PeerMetadataChangedNotice n: RequireLive(n.RemotePeerId, n.Ref, n); break;
            case StreamAddedNotice n: RequireLive(n.RemotePeerId, n.Ref, n); break;
            case StreamRemovedNotice n: RequireLive(n.RemotePeerId, n.Ref, n); break;
            case DataChannelsResetNotice n: RequireLive(n.RemotePeerId, n.Ref, n); break;
            case ConnectionBuiltNotice n: RequireLive(n.RemotePeerId, n.Ref, n); break;
            case IceRestartStartedNotice n: RequireLive(n.RemotePeerId, n.Ref, n); break;
            default: break;
        }
    }

    /// <summary>The local peer left or closed: every RemotePeer must have closed, and none of them lives on.</summary>
    private void EndEveryRemotePeer(LocalStateChangedNotice change)
    {
        foreach (var (id, reference) in _liveRefs)
        {
            Require(_remoteStates[reference] == RemotePeerState.Closed, $"{id} (Ref {reference}) is still {_remoteStates[reference]} after {change}");
        }

        _liveRefs.Clear();
    }

    private void RequireLive(string id, long reference, EngineOutput output) =>
        Require(_liveRefs.TryGetValue(id, out var live) && live == reference, $"{output} names Ref {reference}, but the live Ref of {id} is {(_liveRefs.TryGetValue(id, out var l) ? l : "none")}");

    private static void Require(bool holds, string violation)
    {
        if (!holds)
        {
            Assert.Fail($"Engine invariant broken: {violation}");
        }
    }
}
