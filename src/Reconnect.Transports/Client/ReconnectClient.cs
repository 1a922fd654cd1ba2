using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>
/// The public face of a call that stays alive: join a channel, publish streams, follow remote peers. Underneath,
/// the sans-IO engine runs behind an <see cref="EnginePump"/>; its notices leave the engine thread through an
/// unbounded channel, and one dispatcher raises the events in order. A throwing handler never breaks anything: it
/// is reported through <see cref="UnhandledHandlerException"/>, every <see cref="Events"/> sequence and the log. Do
/// not block a handler on a call of this client, since the dispatcher completes them.
/// </summary>
public sealed partial class ReconnectClient : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly EnginePump _pump;
    private readonly TokenProviderPort _tokenPort;
    private readonly EnginePorts _ports;
    private readonly INetworkMonitor? _networkMonitor;
    private readonly ReconnectMetrics _metrics;
    private readonly HandlerInvoker _handlers;
    private readonly EventSubscriptions _subscriptions;
    private readonly ClientModel _model = new();
    private readonly PendingOperations _pending = new();
    private long _lastSendId;
    private readonly SortedDictionary<string, StreamInfo> _localStreams = new(StringComparer.Ordinal);
    private readonly Channel<DispatchItem> _notices = System.Threading.Channels.Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _engineStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly AsyncLocal<bool> _inHandler = new();
    private readonly Task _dispatcher;
    private readonly Task? _runner;
    private bool _closing;
    private Exception? _engineFailure;
    private TimeSpan _dispatchAt;
    private bool _rosterApplied;

    internal ReconnectClient(ClientSettings settings)
    {
        _logger = settings.LoggerFactory.CreateLogger<ReconnectClient>();
        RunMode = settings.RunMode;
        var engine = new CallEngine(settings.Options, settings.Seed);
        var mode = settings.RunMode == ClientRunMode.Inline ? EnginePumpMode.Inline : EnginePumpMode.Background;
        _pump = new EnginePump(engine, settings.Time, mode, settings.LoggerFactory.CreateLogger<EnginePump>()) { InlineGate = settings.InlineGate };
        _tokenPort = new TokenProviderPort(settings.TokenProvider, _pump, settings.Time, _logger);
        _ports = new EnginePorts(_tokenPort, settings.Transport.CreateSignallingPort(_pump), settings.Transport.CreateMediaPort(_pump));
        _pump.Attach(_ports);
        _networkMonitor = settings.Transport.CreateNetworkMonitor();
        _metrics = new ReconnectMetrics(settings.MeterFactory);
        _pump.NoticeRaised += OnNoticeRaised;
        _pump.InputHandled += OnInputHandled;
        _handlers = new HandlerInvoker(HandlerFailed);
        _subscriptions = new EventSubscriptions(settings.EventBufferCapacity, _logger);
        _dispatcher = Task.Run(DispatchAsync);
        _runner = mode == EnginePumpMode.Background ? Task.Run(RunEngineAsync) : null;
        _networkMonitor?.NetworkChanged += OnNetworkChanged;
    }

    /// <summary>Raised when the local peer's state changes.</summary>
    public event EventHandler<StateChangedEvent>? StateChanged;

    /// <summary>Raised when a remote peer joins or is found in the roster.</summary>
    public event EventHandler<PeerJoinedEvent>? PeerJoined;

    /// <summary>Raised when a remote peer truly leaves.</summary>
    public event EventHandler<PeerLeftEvent>? PeerLeft;

    /// <summary>Raised when a remote stream becomes available, again after each rebuilt connection.</summary>
    public event EventHandler<StreamAddedEvent>? StreamAdded;

    /// <summary>Raised when a remote stream is truly withdrawn.</summary>
    public event EventHandler<StreamRemovedEvent>? StreamRemoved;

    /// <summary>Raised for every typed error.</summary>
    public event EventHandler<ErrorRaisedEvent>? ErrorRaised;

    /// <summary>
    /// Raised when a remote peer's media froze while ICE said connected (<c>ReconnectOptions.MediaWatchdog</c>); the
    /// library is restarting ICE on it.
    /// </summary>
    public event EventHandler<MediaFrozenEvent>? MediaFrozen;

    /// <summary>Raised when the client has been reconnecting for <c>ReconnectOptions.StillReconnectingAfter</c>.</summary>
    public event EventHandler<StillReconnectingEvent>? StillReconnecting;

    /// <summary>
    /// Raised when the client, or a remote peer, has been reconnecting for <c>ReconnectOptions.ReconnectingVisibleAfter</c>:
    /// show the banner now (a blip raises nothing). The peer's own <see cref="RemotePeer.ReconnectingVisible"/> is raised too.
    /// </summary>
    public event EventHandler<ReconnectingVisibleEvent>? ReconnectingVisible;

    /// <summary>
    /// Raised when a reconnect raised as <see cref="ReconnectingVisible"/> healed; none when it ended in leave or close.
    /// The peer's own <see cref="RemotePeer.ReconnectingRecovered"/> is raised too.
    /// </summary>
    public event EventHandler<ReconnectingRecoveredEvent>? ReconnectingRecovered;

    /// <summary>
    /// Raised when the server tells that a remote peer's signalling is gone while its session is kept: the peer shows
    /// reconnecting at once, and the event says how the server knows. The peer's own <see cref="RemotePeer.Away"/> is raised too.
    /// </summary>
    public event EventHandler<PeerAwayEvent>? PeerAway;

    /// <summary>Raised when a remote peer told away is back. The peer's own <see cref="RemotePeer.Back"/> is raised too.</summary>
    public event EventHandler<PeerBackEvent>? PeerBack;

    /// <summary>
    /// Raised when a remote peer's escalation takes a step after its ICE restart ladder was spent: a fresh connection,
    /// a socket resume, a rejoin as a new session, or a new round; the peer keeps its identity throughout. A peer whose
    /// rounds are all spent is closed with <c>EscalationExhausted</c> (see <see cref="ErrorRaised"/>).
    /// </summary>
    public event EventHandler<EscalationStepEvent>? EscalationStep;

    /// <summary>Raised when the token provider has failed several times in a row.</summary>
    public event EventHandler<TokenProviderFailingEvent>? TokenProviderFailing;

    /// <summary>
    /// Raised when a message arrives from a remote peer on a data channel (declared ones, kept open across reconnects by
    /// the library). The peer's own <see cref="RemotePeer.DataReceived"/> is raised too.
    /// </summary>
    public event EventHandler<DataReceivedEvent>? DataReceived;

    /// <summary>Raised when a fresh token was handed to the server over the open socket.</summary>
    public event EventHandler<TokenRefreshedEvent>? TokenRefreshed;

    /// <summary>Raised when a refresh of the token in use failed; the socket stays open on the old token.</summary>
    public event EventHandler<TokenRefreshFailedEvent>? TokenRefreshFailed;

    /// <summary>
    /// Raised when a handler of any event of this client or of its <see cref="RemotePeer"/> objects threw; the other
    /// handlers, later events and the engine go on. The exception is also logged, streamed through <see cref="Events"/>
    /// and counted in <see cref="ReconnectDiagnostics.HandlerFailures"/>. A handler of this event that
    /// throws is logged and streamed through <see cref="Events"/>, never raised here again.
    /// </summary>
    public event EventHandler<UnhandledHandlerExceptionEvent>? UnhandledHandlerException;

    /// <summary>
    /// Raised for every engine notice, in order, on the dispatcher before its typed event (for traces and diagnostics:
    /// it carries the raw notice, including those no typed event reports).
    /// </summary>
    public event EventHandler<EngineNoticeEventArgs>? NoticeDispatched;

    /// <summary>Where the engine runs.</summary>
    public ClientRunMode RunMode { get; }

    /// <summary>The local peer's state, as of the last event dispatched.</summary>
    public LocalPeerState State
    {
        get
        {
            lock (_gate)
            {
                return _model.State;
            }
        }
    }

    /// <summary>The remote peers in the channel, ordered by id, as of the last event dispatched.</summary>
    public IReadOnlyList<RemotePeer> RemotePeers
    {
        get
        {
            lock (_gate)
            {
                return _model.Peers;
            }
        }
    }

    /// <summary>True while a join, leave or data send of this client waits for the engine.</summary>
    internal bool HasPendingOperations
    {
        get
        {
            lock (_gate)
            {
                return !_pending.IsEmpty;
            }
        }
    }

    /// <summary>Creates a builder.</summary>
    public static ReconnectClientBuilder CreateBuilder() => new();

    /// <summary>
    /// Streams the call: first a <see cref="CallSnapshotEvent"/> (the local state and the remote peers with their
    /// states and streams, as of this call), then every later event in order, the same ones the handlers see (with
    /// <see cref="UnhandledHandlerExceptionEvent"/> and the events no handler has). No event is both in the snapshot
    /// and after it, and none is lost between them. Every enumeration is a subscriber of its own and gets every event
    /// (a broadcast): the first enumeration starts at this call, any later one at its own start with a fresh snapshot
    /// (a sequence never enumerated keeps its bounded buffer until the client closes).
    /// Each subscriber buffers up to <see cref="ReconnectClientBuilder.WithEventBufferCapacity"/> unread events. A
    /// subscriber that falls behind never slows the engine, the handlers or the other subscribers: when an event comes
    /// while its buffer is full, its unread events (its first snapshot too, if still unread) are dropped, with a logged
    /// warning, and it reads an <see cref="EventsMissedEvent"/> saying how many events it lost, then a fresh snapshot,
    /// then the live events. The
    /// sequence ends when the client has closed and its last events were read; after the close it is the snapshot
    /// alone.
    /// </summary>
    public IAsyncEnumerable<ReconnectEvent> Events(CancellationToken cancellationToken = default) =>
        new EventStream(Subscribe(), Subscribe, cancellationToken);

    /// <summary>Closes the client; see <see cref="CloseAsync"/>.</summary>
    public ValueTask DisposeAsync() => new(CloseAsync());

    /// <summary>The pump that runs the engine (virtual calls: its notices as raised, and a sleeping machine's pause).</summary>
    internal EnginePump Pump => _pump;

    /// <summary>Waits until every notice raised so far has been dispatched to handlers and streams (tests).</summary>
    internal Task DrainEventsAsync()
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _notices.Writer.TryWrite(new DispatchItem(TimeSpan.Zero, null, drained)) ? drained.Task : _dispatcher;
    }

    private EventSubscriber Subscribe()
    {
        lock (_gate)
        {
            return _subscriptions.Subscribe(_model.Snapshot());
        }
    }

    private async Task RunEngineAsync()
    {
        try
        {
            await _pump.RunAsync(_stop.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An engine bug must not vanish: it is logged and fails every waiting call.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ClientLog.EngineFailed(_logger, ex);
            lock (_gate)
            {
                _engineFailure = ex;
                _pending.FailAll(new ReconnectClosedException("The engine stopped after an internal error.", ex));
            }
        }
        finally
        {
            _engineStopped.TrySetResult();
        }
    }

    /// <summary>What the dispatcher handles next: a notice, a drain marker (tests), or the mark that the roster was applied.</summary>
    private readonly record struct DispatchItem(TimeSpan At, EngineNotice? Notice, TaskCompletionSource? Drained, bool RosterApplied = false);
}
