using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// The in-memory media port of one host: a set of ICE agents exchanging checks, frames and data-channel messages over
/// the fabric.
/// </summary>
public sealed class InMemoryMediaPort : IMediaPort, IDataChannelPort
{
    internal static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(100);
    internal static readonly TimeSpan CheckingTimeout = TimeSpan.FromSeconds(10);
    internal static readonly TimeSpan ConsentDisconnectedAfter = TimeSpan.FromSeconds(3);
    internal static readonly TimeSpan ConsentFailedAfter = TimeSpan.FromSeconds(15);

    private readonly InMemoryMediaDirectory _directory;
    private readonly IEngineInputSink _sink;
    private readonly SortedDictionary<(string Remote, int Generation), InMemoryMediaConnection> _connections = [];
    private readonly Dictionary<string, InMemoryMediaConnection> _byUfrag = new(StringComparer.Ordinal);
    private readonly List<(string RemotePeerId, int Generation)> _answerOnlyRollbacks = [];
    private readonly MediaVerbFailures _failures;
    private long _credentials;
    private long _phases;

    /// <summary>Creates the port for a host and registers it in the directory.</summary>
    public InMemoryMediaPort(IInMemoryFabric fabric, string host, InMemoryMediaDirectory directory, IEngineInputSink sink)
    {
        ArgumentNullException.ThrowIfNull(fabric);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(sink);
        Fabric = fabric;
        Host = host;
        _directory = directory;
        _sink = sink;
        _failures = new MediaVerbFailures(sink);
        Start = fabric.Time.GetTimestamp();
        directory.Register(this);
    }

    /// <summary>The host the port lives on.</summary>
    public string Host { get; }

    /// <summary>The open connections: remote peer, generation, ICE state, frames received and when the last arrived, and the tracks sent.</summary>
    public IReadOnlyList<MediaConnectionView> Connections => [.. _connections.Values.Select(View)];

    /// <summary>
    /// The connections that rolled their own offer back having only answered (a remote offer applied over it after the
    /// connection had answered and before any of its offers was answered), in the order they did. Like Chromium's, such
    /// a connection takes no inbound frame again, so a run that lists one has lost that connection's remote video.
    /// </summary>
    public IReadOnlyList<(string RemotePeerId, int Generation)> AnswerOnlyRollbacks => _answerOnlyRollbacks;

    /// <summary>The open connection to a remote peer on a generation, or null; cheaper than <see cref="Connections"/> when one is wanted.</summary>
    public MediaConnectionView? Connection(string remotePeerId, int generation) =>
        _connections.TryGetValue((remotePeerId, generation), out var connection) ? View(connection) : null;

    private static MediaConnectionView View(InMemoryMediaConnection c) => c.LocalTracks.Count == 0 && c.FailedStreams.Count == 0
        ? new MediaConnectionView(c.RemoteId, c.Generation, c.State, c.FramesReceived, c.LastFrameAt)
        : new MediaConnectionView(c.RemoteId, c.Generation, c.State, c.FramesReceived, c.LastFrameAt)
        {
            Tracks = new SortedDictionary<string, string>(c.LocalTracks, StringComparer.Ordinal),
            FailedStreams = [.. c.FailedStreams],
        };

    internal IInMemoryFabric Fabric { get; }

    internal long Start { get; }

    /// <inheritdoc />
    public void CreateConnection(string remotePeerId, int generation, IReadOnlyList<IceServer> iceServers, bool polite, IReadOnlyList<StreamInfo> localStreams)
    {
        ArgumentNullException.ThrowIfNull(localStreams);
        Close(remotePeerId, generation);
        if (!_failures.Fails(MediaOperation.CreateConnection, remotePeerId, generation))
        {
            _connections[(remotePeerId, generation)] = new InMemoryMediaConnection(this, _sink, remotePeerId, generation, [.. localStreams.Select(s => s.StreamId)]);
        }
    }

    /// <inheritdoc />
    public void CreateOffer(string remotePeerId, int generation) => Live(MediaOperation.CreateOffer, remotePeerId, generation)?.CreateOffer();

    /// <inheritdoc />
    public void CreateAnswer(string remotePeerId, int generation) => Live(MediaOperation.CreateAnswer, remotePeerId, generation)?.CreateAnswer();

    /// <inheritdoc />
    public void SetLocalDescription(string remotePeerId, int generation, SessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        Live(MediaOperation.SetLocalDescription, remotePeerId, generation)?.SetLocalDescription(description);
    }

    /// <inheritdoc />
    public void SetRemoteDescription(string remotePeerId, int generation, SessionDescription description) =>
        Live(MediaOperation.SetRemoteDescription, remotePeerId, generation)?.SetRemoteDescription(description);

    /// <inheritdoc />
    public void AddIceCandidate(string remotePeerId, int generation, IceCandidate candidate) =>
        Live(MediaOperation.AddIceCandidate, remotePeerId, generation)?.AddCandidate(candidate);

    /// <inheritdoc />
    public void RestartIce(string remotePeerId, int generation) => Live(MediaOperation.RestartIce, remotePeerId, generation)?.RestartIce();

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of a verb (toward <paramref name="remotePeerId"/>, or any remote when
    /// null) fail asynchronously, as a rejected W3C promise does: the call is not carried out (a close still releases
    /// the connection) and a MediaOperationFailed naming the verb is reported. Verbs for a connection the port does not
    /// hold do nothing and spend none.
    /// </summary>
    /// <param name="operation">The verb.</param>
    /// <param name="remotePeerId">The remote whose connections it fails on; null for every remote.</param>
    /// <param name="times">How many calls fail.</param>
    /// <param name="reason">The failure's reason text.</param>
    /// <returns>A handle whose disposal disarms the failures not spent yet.</returns>
    public IDisposable FailVerb(MediaOperation operation, string? remotePeerId, int times, string reason = "injected failure") =>
        _failures.Arm(operation, remotePeerId, times, reason);

    /// <inheritdoc />
    public void AttachLocalStream(string remotePeerId, int generation, StreamInfo stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var connection = Live(MediaOperation.AttachLocalStream, remotePeerId, generation);
        NoteFailed(remotePeerId, generation, connection, stream.StreamId);
        if (connection is not null && !connection.LocalStreams.Contains(stream.StreamId))
        {
            connection.LocalStreams.Add(stream.StreamId);
        }
    }

    /// <inheritdoc />
    public void DetachLocalStream(string remotePeerId, int generation, string streamId)
    {
        if (Live(MediaOperation.DetachLocalStream, remotePeerId, generation) is { } connection)
        {
            connection.LocalStreams.Remove(streamId);
            connection.LocalTracks.Remove(streamId);
        }
    }

    /// <inheritdoc />
    public void ReplaceTrack(string remotePeerId, int generation, string streamId, string trackId)
    {
        var live = Live(MediaOperation.ReplaceTrack, remotePeerId, generation);
        NoteFailed(remotePeerId, generation, live, streamId);
        if (live is { } connection)
        {
            connection.LocalTracks[streamId] = trackId;
        }
    }

    /// <inheritdoc />
    public void CreateDataChannel(string remotePeerId, int generation, string label, DataChannelInit init) =>
        Find(remotePeerId, generation)?.CreateDataChannel(label);

    /// <inheritdoc />
    public void Send(string remotePeerId, int generation, string label, ReadOnlyMemory<byte> payload) =>
        Find(remotePeerId, generation)?.SendData(label, payload);

    /// <inheritdoc />
    public void Close(string remotePeerId, int generation)
    {
        if (_connections.Remove((remotePeerId, generation), out var connection))
        {
            _failures.Fails(MediaOperation.Close, remotePeerId, generation);
            Unindex(connection);
            connection.Dispose();
        }
    }

    /// <summary>Closes every connection (the host's process ended).</summary>
    public void CloseAll()
    {
        foreach (var key in _connections.Keys.ToList())
        {
            Close(key.Remote, key.Generation);
        }
    }

    /// <summary>
    /// Freezes the inbound media of each open connection (or only those to <paramref name="remotePeerId"/>) without
    /// touching its ICE state: frames on the selected pair still keep consent but stop counting as media, until an ICE
    /// restart forms a new pair, the connection is closed, or the returned handle is disposed.
    /// </summary>
    /// <param name="remotePeerId">The remote whose media freezes; null for every remote.</param>
    /// <returns>A handle whose disposal ends this freeze (other freezes hold).</returns>
    public IDisposable FreezeInboundMedia(string? remotePeerId)
    {
        var frozen = _connections.Values
            .Where(c => remotePeerId is null || string.Equals(c.RemoteId, remotePeerId, StringComparison.Ordinal))
            .Select(c => (Connection: c, Freeze: c.Freeze()))
            .Where(f => f.Freeze is not null)
            .ToList();
        return new EndOnce(() => frozen.ForEach(f => f.Connection.Thaw(f.Freeze!)));
    }

    /// <summary>The host's network went down: every connection loses its local candidate (see <see cref="RealTimeMediaFabric.BeginOutage"/>).</summary>
    internal void NetworkLost()
    {
        foreach (var connection in _connections.Values)
        {
            connection.NetworkLost();
        }
    }

    internal long NextCredential() => ++_credentials;

    /// <summary>
    /// When a new connection's first tick falls: spread over the tick period (a fixed stride, no randomness), as
    /// real media clocks are, so a large room does not have every connection tick at the same instant.
    /// </summary>
    internal TimeSpan NextTickPhase() => TimeSpan.FromMilliseconds(1 + ((++_phases * 37) % (long)TickPeriod.TotalMilliseconds));

    /// <summary>Routes packets addressed to any ufrag the connection accepts to it, and no others.</summary>
    internal void NoteAnswerOnlyRollback(string remotePeerId, int generation) => _answerOnlyRollbacks.Add((remotePeerId, generation));

    internal void Index(InMemoryMediaConnection connection)
    {
        Unindex(connection);
        foreach (var ufrag in connection.AcceptedUfrags)
        {
            _byUfrag[ufrag] = connection;
        }
    }

    internal void SendPacket(string fromAddress, string toAddress, MediaPacket packet) =>
        Fabric.SendToAddress(Host, fromAddress, toAddress, host => _directory.Deliver(host, packet));

    internal void Receive(MediaPacket packet)
    {
        if (_byUfrag.TryGetValue(packet.ToUfrag, out var connection))
        {
            connection.Receive(packet);
        }
    }

    private void Unindex(InMemoryMediaConnection connection)
    {
        foreach (var stale in _byUfrag.Where(kv => ReferenceEquals(kv.Value, connection)).Select(kv => kv.Key).ToList())
        {
            _byUfrag.Remove(stale);
        }
    }

    private InMemoryMediaConnection? Find(string remotePeerId, int generation) =>
        _connections.TryGetValue((remotePeerId, generation), out var c) ? c : null;

    /// <summary>Remembers, on the connection, a local stream whose attach or track replacement failed there (the engine keeps the connection).</summary>
    private void NoteFailed(string remotePeerId, int generation, InMemoryMediaConnection? live, string streamId)
    {
        if (live is null && Find(remotePeerId, generation) is { } failed)
        {
            failed.FailedStreams.Add(streamId);
        }
    }

    /// <summary>The connection a verb acts on: null when the port does not hold it, or when an armed failure takes the call.</summary>
    private InMemoryMediaConnection? Live(MediaOperation operation, string remotePeerId, int generation) =>
        Find(remotePeerId, generation) is { } connection && !_failures.Fails(operation, remotePeerId, generation) ? connection : null;
}

/// <summary>Ends something once, on the first disposal: a freeze, or armed verb failures.</summary>
internal sealed class EndOnce(Action thaw) : IDisposable
{
    private Action? _thaw = thaw;

    public void Dispose()
    {
        _thaw?.Invoke();
        _thaw = null;
    }
}

/// <summary>A read-only view of one in-memory media connection.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="State">Its ICE state.</param>
/// <param name="FramesReceived">Frames received so far.</param>
/// <param name="LastFrameAt">When the last frame arrived, as time since the port was created.</param>
public sealed record MediaConnectionView(string RemotePeerId, int Generation, IceConnectionState State, long FramesReceived, TimeSpan LastFrameAt)
{
    private static readonly IReadOnlyDictionary<string, string> NoTracks = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The track each local stream sends on the connection, by stream id, for the streams whose track was replaced.</summary>
    public IReadOnlyDictionary<string, string> Tracks { get; init; } = NoTracks;

    /// <summary>The local streams whose attach or track replacement failed on the connection (an injected verb failure), by id.</summary>
    public IReadOnlyList<string> FailedStreams { get; init; } = [];
}
