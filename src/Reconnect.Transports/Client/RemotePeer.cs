using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect;

/// <summary>
/// A remote peer in the channel. The same object stands for the peer across every reconnect, signalling or
/// media, until the peer truly leaves; its connections and <see cref="RemoteStream"/> objects are generations
/// under it. Its events are raised off the engine thread, in order with the client's.
/// </summary>
public sealed class RemotePeer
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, RemoteStream> _streams = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _metadata;
    private RemotePeerState _state = RemotePeerState.Idle;
    private int _generation;

    internal RemotePeer(string id, long reference, string sessionId, IReadOnlyDictionary<string, string> metadata)
    {
        Id = id;
        Ref = reference;
        SessionId = sessionId;
        _metadata = metadata;
    }

    /// <summary>Raised when the peer's state changes.</summary>
    public event EventHandler<RemotePeerStateChangedEvent>? StateChanged;

    /// <summary>Raised when one of its streams becomes available, again after each rebuilt connection.</summary>
    public event EventHandler<StreamAddedEvent>? StreamAdded;

    /// <summary>Raised when one of its streams is truly withdrawn.</summary>
    public event EventHandler<StreamRemovedEvent>? StreamRemoved;

    /// <summary>Raised when its connection was rebuilt and data channels must be reopened.</summary>
    public event EventHandler<DataChannelsResetEvent>? DataChannelsReset;

    /// <summary>Raised when a message arrives from it on a data channel.</summary>
    public event EventHandler<DataReceivedEvent>? DataReceived;

    /// <summary>Raised when its metadata changes.</summary>
    public event EventHandler<PeerMetadataChangedEvent>? MetadataChanged;

    /// <summary>Raised when its media has been reconnecting for <c>ReconnectOptions.ReconnectingVisibleAfter</c> (a blip raises nothing).</summary>
    public event EventHandler<ReconnectingVisibleEvent>? ReconnectingVisible;

    /// <summary>Raised when its shown reconnect healed (connected again); none when it closed instead.</summary>
    public event EventHandler<ReconnectingRecoveredEvent>? ReconnectingRecovered;

    /// <summary>Raised when the server tells that its signalling is gone while its session is kept: it shows reconnecting at once.</summary>
    public event EventHandler<PeerAwayEvent>? Away;

    /// <summary>Raised when the server tells that its signalling is back after <see cref="Away"/>.</summary>
    public event EventHandler<PeerBackEvent>? Back;

    /// <summary>The peer's id in the channel.</summary>
    public string Id { get; }

    /// <summary>The server session this object stands for; a new session under the same id is a new peer.</summary>
    public string SessionId { get; }

    /// <summary>The peer's application metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata
    {
        get
        {
            lock (_gate)
            {
                return _metadata;
            }
        }
    }

    /// <summary>The peer's state.</summary>
    public RemotePeerState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The generation of its live media connection; 0 before the first.</summary>
    public int Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    /// <summary>Its current streams, one object per id, ordered by id.</summary>
    public IReadOnlyList<RemoteStream> Streams
    {
        get
        {
            lock (_gate)
            {
                return [.. _streams.Values];
            }
        }
    }

    /// <summary>The engine's identity of this peer object.</summary>
    internal long Ref { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({State})";

    /// <summary>The peer as it stands now, read at once.</summary>
    internal RemotePeerView View()
    {
        lock (_gate)
        {
            return new RemotePeerView(this, _state, _generation, _metadata, [.. _streams.Values]);
        }
    }

    internal void SetState(RemotePeerState state)
    {
        lock (_gate)
        {
            _state = state;
        }
    }

    internal void SetGeneration(int generation)
    {
        lock (_gate)
        {
            _generation = generation;
        }
    }

    internal void SetMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        lock (_gate)
        {
            _metadata = metadata;
        }
    }

    /// <summary>Binds a new stream object under its id, replacing the one of an older connection.</summary>
    internal RemoteStream BindStream(string streamId, long reference, int generation, object? media)
    {
        var stream = new RemoteStream(this, streamId, reference, generation, media);
        lock (_gate)
        {
            _streams[streamId] = stream;
        }

        return stream;
    }

    /// <summary>Unbinds the stream object the engine names; the object is returned even if it was already gone.</summary>
    internal RemoteStream UnbindStream(string streamId, long reference)
    {
        lock (_gate)
        {
            if (_streams.TryGetValue(streamId, out var stream) && stream.Ref == reference)
            {
                _streams.Remove(streamId);
                return stream;
            }
        }

        return new RemoteStream(this, streamId, reference, 0, null);
    }

    internal void Raise(ReconnectEvent evt, HandlerInvoker handlers)
    {
        switch (evt)
        {
            case RemotePeerStateChangedEvent e: handlers.Invoke(StateChanged, this, e); break;
            case StreamAddedEvent e: handlers.Invoke(StreamAdded, this, e); break;
            case StreamRemovedEvent e: handlers.Invoke(StreamRemoved, this, e); break;
            case DataChannelsResetEvent e: handlers.Invoke(DataChannelsReset, this, e); break;
            case DataReceivedEvent e: handlers.Invoke(DataReceived, this, e); break;
            case PeerMetadataChangedEvent e: handlers.Invoke(MetadataChanged, this, e); break;
            case ReconnectingVisibleEvent e: handlers.Invoke(ReconnectingVisible, this, e); break;
            case ReconnectingRecoveredEvent e: handlers.Invoke(ReconnectingRecovered, this, e); break;
            case PeerAwayEvent e: handlers.Invoke(Away, this, e); break;
            case PeerBackEvent e: handlers.Invoke(Back, this, e); break;
            default: break;
        }
    }
}
