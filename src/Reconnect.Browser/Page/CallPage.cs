using System.Runtime.InteropServices.JavaScript;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconnect.Browser.Interop;
using Reconnect.Browser.Media;
using Reconnect.Browser.Platform;
using Reconnect.Browser.Tokens;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Protocol;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Page;

/// <summary>
/// One call on the page: the client, its media port, the trace and checker, and what the page shows. The local camera
/// is published before the join; a stream added again after a rebuild is bound to the same video element by its id; a
/// remote peer's element stays through a drop (reconnecting) and goes only when the peer truly leaves.
/// </summary>
internal sealed class CallPage
{
    /// <summary>The one data channel the page declares: text messages between the peers, kept open across rebuilds by the engine.</summary>
    public const string ChatLabel = "chat";

    private readonly PageSettings _settings;
    private readonly JSObject? _camera;
    private readonly string? _cameraId;
    private readonly PageNetworkMonitor _network = new();
    private readonly ReconnectClient _client;
    private readonly PageTrace _trace;
    private readonly MediaFlowSampler _flow;
    private readonly SleepWatch _sleep;
    private readonly List<EventJson> _events = [];
    private readonly List<MessageJson> _received = [];
    private readonly Dictionary<RemotePeer, long> _objectIds = new(ReferenceEqualityComparer.Instance);
    private readonly SortedSet<string> _shown = new(StringComparer.Ordinal);
    private BrowserMediaPort? _media;
    private string _room;
    private bool _stillReconnecting;
    private bool _published;

    public CallPage(PageSettings settings, HttpClient http, JSObject? camera)
    {
        _settings = settings;
        _camera = camera;
        _cameraId = camera is null ? null : MediaModule.StreamId(camera);
        _room = settings.Room;
        PeerId = "p-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
        var signalling = new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = settings.SignalEndpoint(http.BaseAddress!), TokenPlacement = TokenPlacement.QueryString }),
            NullLoggerFactory.Instance,
            _ => throw new InvalidOperationException("the page's transport creates the media port"));
        PageTrace? trace = null;
        var transport = new PageTransport(
            signalling,
            sink => _media = new BrowserMediaPort(sink, settings.RelayOnly, [ChatLabel]),
            _network,
            input => trace?.OnPosted(input));
        _client = ReconnectClient.CreateBuilder()
            .WithTransport(transport)
            .WithTokenProvider(new DevTokenProvider(http, () => _room, settings.Name))
            .WithSeed(seed)
            .WithOptions(settings.Policy.Options())
            .WithDataChannel(ChatLabel)
            .Build();
        var media = _media ?? throw new InvalidOperationException("the client did not create its media port");
        _trace = trace = new PageTrace(PeerId, seed, _client.Pump, () => media.OpenConnections);
        _flow = new MediaFlowSampler(TimeProvider.System, media, _client.Pump);
        _sleep = new SleepWatch(TimeProvider.System, slept => _client.Pump.Post(new WokeUp(slept)));
        Subscribe();
        if (_camera is not null)
        {
            PageModule.SetLocalVideo(_camera);
        }

        PageModule.SetRoom(_room);
        Render();
    }

    public string PeerId { get; }

    public string LocalState => TraceStateNames.Of(_client.State);

    /// <summary>The policy's name (see <see cref="CallPolicies.Name"/>).</summary>
    public string Policy => _settings.Policy.Name();

    public IReadOnlyList<string> Trace => _trace.Lines;

    public IReadOnlyList<string> Violations => _trace.Violations;

    public IReadOnlyList<EventJson> Events => _events;

    /// <summary>Every message received on the chat channel, oldest first.</summary>
    public IReadOnlyList<MessageJson> Received => _received;

    public IReadOnlyList<RemotePeerJson> RemotePeers =>
        [.. _client.RemotePeers.Select(p => new RemotePeerJson(p.Id, ObjectId(p), TraceStateNames.Of(p.State), p.Generation, [.. p.Streams.Select(s => s.Id)]))];

    public Task<SortedDictionary<string, MediaStatsJson>> StatsAsync() => _flow.ReadAsync();

    /// <summary>Publishes the camera once (before the first join, so the first offer carries it; it stays published across leaves) and joins the room.</summary>
    public async Task JoinAsync(string room)
    {
        _room = room;
        Render(joining: true);
        if (_camera is not null && _cameraId is not null && !_published)
        {
            _published = true;
            await _client.PublishAsync(new StreamInfo(_cameraId, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["kind"] = "camera" }) { Media = _camera }).ConfigureAwait(true);
        }

        await _client.JoinAsync(room, PeerId, new SortedDictionary<string, string>(StringComparer.Ordinal) { ["name"] = _settings.Name }).ConfigureAwait(true);
    }

    public Task LeaveAsync() => _client.LeaveAsync();

    public async Task CloseAsync()
    {
        await _client.CloseAsync().ConfigureAwait(true);
        _flow.Dispose();
        _sleep.Dispose();
    }

    public Task RetryNowAsync() => _client.RetryNowAsync();

    /// <summary>Hands the engine what the page heard of the network, unless the policy hears no network signal.</summary>
    public void NetworkChanged(string what)
    {
        if (_settings.Policy.HearsNetworkSignal())
        {
            _network.Heard(what);
        }
    }

    /// <summary>
    /// Sends a text message on the chat channel to a remote peer: done once the channel took it or the engine queued it
    /// (the channel is not open on the live connection: the peer is reconnecting or its connection is being rebuilt);
    /// fails with the typed error when the send is refused (queue full, unknown peer).
    /// </summary>
    public Task SendAsync(string peerId, string text) => _client.SendDataAsync(peerId, ChatLabel, Encoding.UTF8.GetBytes(text));

    /// <summary>Hands the network monitor the connection type the page reads now, unless the policy hears no network signal.</summary>
    public void ConnectionIs(string type)
    {
        if (_settings.Policy.HearsNetworkSignal())
        {
            _network.ConnectionIs(type);
        }
    }

    public void LifecycleChanged(string what) => _sleep.LifecycleChanged(what);

    /// <summary>
    /// The page is hidden by a navigation or a closing tab (<c>pagehide</c>). A page being unloaded (not
    /// <paramref name="persisted"/>) never comes back: the call closes, and its leave goes out at once on the open
    /// socket, so the others see the peer leave now rather than after the server's grace. A page kept in the
    /// back-forward cache may be shown again: it is left as a frozen page, which resumes its session if it comes back
    /// within the grace.
    /// </summary>
    public void PageHidden(bool persisted)
    {
        if (!persisted)
        {
            _ = CloseAsync();
        }
    }

    private long ObjectId(RemotePeer peer)
    {
        if (!_objectIds.TryGetValue(peer, out var id))
        {
            id = _objectIds.Count + 1;
            _objectIds[peer] = id;
        }

        return id;
    }

    private void Subscribe()
    {
        _client.NoticeDispatched += (_, e) => Log(e.At.TotalMilliseconds, e.Notice);
        _client.StateChanged += (_, e) =>
        {
            if (e.To == LocalPeerState.Joined)
            {
                ShowBanner(false);
            }

            if (e.To is LocalPeerState.Idle or LocalPeerState.Closed)
            {
                // The local peer left: its remote peers go with the call (no peer-left is raised for them).
                foreach (var peer in _shown.ToList())
                {
                    RemovePeer(peer);
                }

                ShowBanner(false);
            }

            Render();
        };
        _client.PeerJoined += (_, e) =>
        {
            ObjectId(e.Peer);
            ShowPeer(e.Peer);
            e.Peer.StateChanged += (_, changed) => ShowPeer(changed.Peer);
        };
        _client.PeerLeft += (_, e) => RemovePeer(e.Peer.Id);
        _client.StreamAdded += (_, e) =>
        {
            if (e.Stream.Media is JSObject stream)
            {
                PageModule.BindVideo(e.Peer.Id, e.Stream.Id, stream);
            }
        };
        _client.StreamRemoved += (_, e) => PageModule.RemoveVideo(e.Peer.Id, e.Stream.Id);
        _client.DataReceived += (_, e) => _received.Add(new MessageJson(e.Peer.Id, e.Label, Encoding.UTF8.GetString(e.Payload.Span), (long)e.At.TotalMilliseconds));
        _client.StillReconnecting += (_, _) => ShowBanner(true);
        _client.ReconnectingRecovered += (_, e) =>
        {
            if (e.Peer is null)
            {
                ShowBanner(false);
            }
        };
    }

    private void ShowPeer(RemotePeer peer)
    {
        _shown.Add(peer.Id);
        PageModule.UpsertPeer(peer.Id, peer.Metadata.TryGetValue("name", out var name) ? name : peer.Id, TraceStateNames.Of(peer.State));
    }

    private void RemovePeer(string peerId)
    {
        _shown.Remove(peerId);
        PageModule.RemovePeer(peerId);
    }

    private void ShowBanner(bool visible)
    {
        if (_stillReconnecting != visible)
        {
            _stillReconnecting = visible;
            PageModule.SetBanner(visible);
        }
    }

    private void Log(long atMs, EngineNotice notice)
    {
        var line = TraceMapper.FromNotice(PeerId, atMs, notice);
        var kind = line?.Event ?? notice.GetType().Name;
        _events.Add(new EventJson(kind, line?.Remote, atMs));
        PageModule.AppendEvent(line is null ? kind : $"{kind} {line.Remote} {line.From}{(line.To is null ? string.Empty : " -> " + line.To)} {line.Reason ?? line.Detail}".TrimEnd());
    }

    private void Render(bool joining = false)
    {
        var state = _client.State;
        PageModule.SetLocalState(TraceStateNames.Of(state));
        var closed = state == LocalPeerState.Closed;
        var idle = state == LocalPeerState.Idle;
        PageModule.SetControls(idle && !joining, !idle && !closed, !closed);
    }
}
