using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;

namespace Reconnect;

/// <summary>
/// The application's view of the call, kept by the dispatcher in notice order: the local state and an identity
/// map of <see cref="RemotePeer"/> objects keyed by the engine's refs. Maps each notice to its public event.
/// </summary>
internal sealed class ClientModel
{
    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new SortedDictionary<string, string>(StringComparer.Ordinal);

    private readonly Dictionary<long, RemotePeer> _byRef = [];
    private readonly SortedDictionary<string, RemotePeer> _byId = new(StringComparer.Ordinal);

    public LocalPeerState State { get; private set; } = LocalPeerState.Idle;

    /// <summary>The engine time of the last notice applied.</summary>
    public TimeSpan At { get; private set; }

    /// <summary>The remote peers in the channel, ordered by id.</summary>
    public IReadOnlyList<RemotePeer> Peers => [.. _byId.Values];

    /// <summary>The call as it stands now.</summary>
    public CallSnapshotEvent Snapshot() => new(At, State, [.. _byId.Values.Select(p => p.View())]);

    /// <summary>Applies a notice and returns its public event, or null for a notice kind this client does not know.</summary>
    public ReconnectEvent? Apply(TimeSpan at, EngineNotice notice)
    {
        At = at;
        return Map(at, notice);
    }

    private ReconnectEvent? Map(TimeSpan at, EngineNotice notice) => notice switch
    {
        LocalStateChangedNotice n => LocalChanged(at, n),
        RemoteStateChangedNotice n => RemoteChanged(at, n),
        PeerJoinedNotice n => Joined(at, n),
        PeerLeftNotice n => Left(at, n),
        PeerMetadataChangedNotice n => MetadataChanged(at, n),
        StreamAddedNotice n => StreamAdded(at, n),
        StreamRemovedNotice n => StreamRemoved(at, n),
        DataChannelsResetNotice n => new DataChannelsResetEvent(at, Peer(n.Ref, n.RemotePeerId), n.Generation),
        DataReceivedNotice n => new DataReceivedEvent(at, Peer(n.Ref, n.RemotePeerId), n.Label, n.Payload),
        ConnectionBuiltNotice n => ConnectionBuilt(at, n),
        IceRestartStartedNotice n => new IceRestartStartedEvent(at, Peer(n.Ref, n.RemotePeerId), n.Attempt, n.Generation),
        EscalationStepNotice n => new EscalationStepEvent(at, Peer(n.Ref, n.RemotePeerId), n.Step, n.Round, n.Taken, n.Detail),
        MediaFrozenNotice n => new MediaFrozenEvent(at, Peer(n.Ref, n.RemotePeerId), n.Generation, n.StalledFor),
        SocketAttemptStartedNotice n => new SocketAttemptStartedEvent(at, n.Attempt, n.Epoch),
        SocketRetryScheduledNotice n => new SocketRetryScheduledEvent(at, n.Attempt, n.Delay, n.CloseCode),
        StillReconnectingNotice n => new StillReconnectingEvent(at, n.Elapsed, n.RetryNowAvailableIn),
        ReconnectingVisibleNotice n => new ReconnectingVisibleEvent(at, PeerOrLocal(n.Ref, n.RemotePeerId), n.Elapsed),
        ReconnectingRecoveredNotice n => new ReconnectingRecoveredEvent(at, PeerOrLocal(n.Ref, n.RemotePeerId), n.Lasted),
        PeerAwayNotice n => new PeerAwayEvent(at, Peer(n.Ref, n.RemotePeerId), n.Reason, n.CloseCode),
        PeerBackNotice n => new PeerBackEvent(at, Peer(n.Ref, n.RemotePeerId)),
        TokenProviderFailingNotice n => new TokenProviderFailingEvent(at, n.ConsecutiveFailures, n.LastReason),
        TokenRefreshedNotice n => new TokenRefreshedEvent(at, n.ValidFor),
        TokenRefreshFailedNotice n => new TokenRefreshFailedEvent(at, n.ConsecutiveFailures, n.Reason, n.RetryIn),
        ErrorRaisedNotice n => new ErrorRaisedEvent(at, n.Error),
        InputIgnoredNotice n => new InputIgnoredEvent(at, n.Input, n.Reason),
        _ => null,
    };

    private StateChangedEvent LocalChanged(TimeSpan at, LocalStateChangedNotice n)
    {
        State = n.To;
        return new StateChangedEvent(at, n.From, n.To, n.Reason);
    }

    private RemotePeerStateChangedEvent RemoteChanged(TimeSpan at, RemoteStateChangedNotice n)
    {
        var peer = Peer(n.Ref, n.RemotePeerId);
        peer.SetState(n.To);
        return new RemotePeerStateChangedEvent(at, peer, n.From, n.To, n.Reason);
    }

    private PeerJoinedEvent Joined(TimeSpan at, PeerJoinedNotice n)
    {
        var peer = new RemotePeer(n.Peer.PeerId, n.Ref, n.Peer.SessionId, n.Peer.Metadata);
        _byRef[n.Ref] = peer;
        _byId[peer.Id] = peer;
        return new PeerJoinedEvent(at, peer);
    }

    private PeerLeftEvent Left(TimeSpan at, PeerLeftNotice n)
    {
        var peer = Peer(n.Ref, n.RemotePeerId);
        _byRef.Remove(n.Ref);
        if (_byId.TryGetValue(peer.Id, out var current) && ReferenceEquals(current, peer))
        {
            _byId.Remove(peer.Id);
        }

        return new PeerLeftEvent(at, peer, n.Reason);
    }

    private PeerMetadataChangedEvent MetadataChanged(TimeSpan at, PeerMetadataChangedNotice n)
    {
        var peer = Peer(n.Ref, n.RemotePeerId);
        peer.SetMetadata(n.Metadata);
        return new PeerMetadataChangedEvent(at, peer, n.Metadata);
    }

    private StreamAddedEvent StreamAdded(TimeSpan at, StreamAddedNotice n)
    {
        var peer = Peer(n.Ref, n.RemotePeerId);
        return new StreamAddedEvent(at, peer, peer.BindStream(n.StreamId, n.StreamRef, n.Generation, n.Media), n.Rebound);
    }

    private StreamRemovedEvent StreamRemoved(TimeSpan at, StreamRemovedNotice n)
    {
        var peer = Peer(n.Ref, n.RemotePeerId);
        return new StreamRemovedEvent(at, peer, peer.UnbindStream(n.StreamId, n.StreamRef));
    }

    private ConnectionBuiltEvent ConnectionBuilt(TimeSpan at, ConnectionBuiltNotice n)
    {
        var peer = Peer(n.Ref, n.RemotePeerId);
        peer.SetGeneration(n.Generation);
        return new ConnectionBuiltEvent(at, peer, n.Generation, n.Reason);
    }

    /// <summary>The peer object a notice about a remote peer names, or null for one about the local peer.</summary>
    private RemotePeer? PeerOrLocal(long? reference, string? id) =>
        reference is { } r && id is not null ? Peer(r, id) : null;

    /// <summary>The peer object of an engine ref; a detached one if the ref is unknown, so a stray notice still maps.</summary>
    private RemotePeer Peer(long reference, string id) =>
        _byRef.TryGetValue(reference, out var peer) ? peer : new RemotePeer(id, reference, string.Empty, NoMetadata);
}
