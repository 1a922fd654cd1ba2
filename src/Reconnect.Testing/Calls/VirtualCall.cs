using Reconnect.Channel;
using Reconnect.Core.Time;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Network;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Time;
using Reconnect.Testing.World;
using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Calls;

/// <summary>
/// A call in virtual time, in one process: a virtual clock, the simulated network (<see cref="SimNetwork"/>) and the
/// production channel server on it, and <see cref="ReconnectClient"/>s on their own hosts. Nothing moves until the call
/// is run (<see cref="RunAsync(Task, TimeSpan?)"/>, <see cref="RunUntilAsync"/>, <see cref="RunForAsync"/>), which
/// advances virtual time, never the wall clock, and lets every client's events reach their handlers before it checks
/// anything. Every client runs its engine inline under one gate that the call holds while it runs the clock: a command
/// given between runs takes effect at once, and one given from an event handler during a run waits for the instant being
/// run and takes effect at that instant, before the next one. One run at a time; faults are injected between runs. The
/// same seed gives the same <see cref="Timeline"/> (as long as no two clients' handlers give commands at one instant).
/// Faults (<see cref="Inject(FaultSpec)"/>) mean what they mean in the simulator, and the simulator's safety invariants
/// are checked on every notice and after every instant (<see cref="Violations"/>). One file per concern: running,
/// faults, checks and trace.
/// </summary>
public sealed partial class VirtualCall : IAsyncDisposable
{
    /// <summary>The name of the server's host on the network.</summary>
    public const string ServerHost = ScenarioValidator.ServerName;

    /// <summary>How long a run waits for an operation unless told otherwise: one minute of virtual time.</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromMinutes(1);

    private const int ClientLatencyMs = 20;

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly DeterministicRandom _random;
    private readonly VirtualTimeProvider _clock;
    private readonly SimNetwork _network;
    private readonly InMemorySignallingServer _server;
    private readonly InMemoryMediaDirectory _directory = new();
    private readonly CallNotices _notices = new();
    private readonly SortedDictionary<string, CallClient> _clients = new(StringComparer.Ordinal);
    private readonly List<CallClient> _inOrder = [];
    private readonly Lock _gate = new();
    private readonly InvariantChecker _checker;
    private readonly AnswerOnlyRollbackWatch _rollbacks;
    private readonly FaultInjector _faults;
    private bool _healPending;
    private bool _running;
    private bool _disposed;

    /// <summary>Creates an empty call whose network jitter, client backoffs and event order all follow <paramref name="seed"/>.</summary>
    public VirtualCall(ulong seed = 1)
    {
        Seed = seed;
        _random = DeterministicRandom.FromSeed(seed);
        _clock = new VirtualTimeProvider(new SeededChooser(_random.Fork("order")));
        _network = new SimNetwork(_clock, _random.Fork("network"));
        _network.AddHost(ServerHost, SimWorld.ServerLinkLatencyMs, 0, 0);
        _server = new InMemorySignallingServer(_network, ServerHost, new ChannelServer(new ChannelServerOptions(), new LiteralTokenValidator()));
        _checker = new InvariantChecker(seed, _inOrder, TimeSpan.Zero);
        _rollbacks = new AnswerOnlyRollbackWatch(_checker);
        _faults = new FaultInjector(this);
        _server.NoticeRaised += (_, notice) => OnServerNotice(notice);
        _network.HostWentOffline += (_, host) => _clients.GetValueOrDefault(host.Name)?.Signalling.NetworkLost();
    }

    /// <summary>The seed the call was created with.</summary>
    public ulong Seed { get; }

    /// <summary>Virtual time since the call was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The clients, in the order they were added.</summary>
    public IReadOnlyList<ReconnectClient> Clients => [.. _inOrder.Select(c => c.Client)];

    /// <summary>
    /// True when no fault is waiting to begin or in force (a timed one until it ends by itself) and every client is
    /// joined and sees every other client as a connected remote peer.
    /// </summary>
    public bool IsHealed =>
        _waiting == 0 && _faults.InForce == 0 && CallWholeness.IsWhole(_clients.Select(c => KeyValuePair.Create(c.Key, c.Value.Client)));

    /// <summary>
    /// Adds a client on a host of its own named <paramref name="peerId"/>, with the token the server accepts for that
    /// peer; it is idle until told to join. <paramref name="options"/> are the client's options (defaults when null).
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, the server's, or taken.</exception>
    public ReconnectClient AddClient(string peerId, ReconnectOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(peerId);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (peerId == ServerHost || _clients.ContainsKey(peerId))
            {
                throw new ArgumentException($"A client named '{peerId}' cannot be added: the name is the server's or already taken.", nameof(peerId));
            }

            var host = _network.AddHost(peerId, ClientLatencyMs, 0, 0);
            var transport = new VirtualCallTransport(_network, peerId, _server, _directory);
            var token = new CallTokenProvider(peerId);
            var clock = new HostClock(_clock);
            var client = ReconnectClient.CreateBuilder()
                .WithOptions(options ?? new ReconnectOptions())
                .WithRunMode(ClientRunMode.Inline)
                .WithInlineGate(_gate)
                .WithTimeProvider(clock)
                .WithSeed(_random.Fork($"client:{peerId}").NextUInt64())
                .WithTransport(transport)
                .WithTokenProvider(token)
                .Build();
            var participant = new CallClient(peerId, host, clock, token, transport, client);
            var record = _notices.Add(peerId);
            client.NoticeDispatched += (_, e) => record(e.Notice, e.At.SinceOrigin);
            client.Pump.NoticeRaised += (_, e) => _checker.OnNotice(participant, e.Notice, NowMs);
            client.Pump.InputHandled += (_, input) => _checker.OnInput(peerId, input);
            _clients.Add(peerId, participant);
            _inOrder.Add(participant);
            return client;
        }
    }

    /// <summary>
    /// Runs the call until it is healed (<see cref="IsHealed"/>), for at most <paramref name="limit"/> of virtual time
    /// (<see cref="DefaultPatience"/> when null); the timeline shows the heal when a fault came before it. False, with the
    /// clock at the limit, when the limit passed first.
    /// </summary>
    public async Task<bool> RunUntilHealedAsync(TimeSpan? limit = null)
    {
        if (!await RunUntilAsync(() => IsHealed, limit ?? DefaultPatience).ConfigureAwait(false))
        {
            return false;
        }

        RecordHeal();

        return true;
    }

    /// <summary>
    /// Runs the call until <paramref name="operation"/> (a client's command, say) completes, for at most
    /// <paramref name="limit"/> of virtual time (<see cref="DefaultPatience"/> when null), and awaits it.
    /// </summary>
    /// <exception cref="TimeoutException">The operation had not completed when the limit passed.</exception>
    public async Task RunAsync(Task operation, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var patience = limit ?? DefaultPatience;
        if (!await RunCoreAsync(() => operation.IsCompleted, patience, settle: true, operation).ConfigureAwait(false))
        {
            throw new TimeoutException($"The operation had not completed after {patience} of virtual time (at {Elapsed} since the call began).");
        }

        await operation.ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the call until <paramref name="condition"/> holds, for at most <paramref name="limit"/> of virtual time;
    /// the condition is checked before any time passes and after every instant at which anything happened, once every
    /// client's events have been handled. False, with the clock at the limit, when the limit passed first.
    /// </summary>
    public Task<bool> RunUntilAsync(Func<bool> condition, TimeSpan limit) => RunCoreAsync(condition, limit, settle: false, operation: null);

    /// <summary>Runs the call for <paramref name="duration"/> of virtual time.</summary>
    public async Task RunForAsync(TimeSpan duration) => await RunUntilAsync(() => false, duration).ConfigureAwait(false);

    /// <summary>Closes every client, running the call until each close completes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await RunAsync(Task.WhenAll(_inOrder.Select(c => c.Client.CloseAsync()))).ConfigureAwait(false);
        _disposed = true;
    }

    private long NowMs => (long)_clock.Elapsed.TotalMilliseconds;

    /// <summary>
    /// Runs until the condition holds or the deadline. When <paramref name="settle"/> and nothing is due in virtual time
    /// before the deadline, work still under way off the clock (a close's last steps) gets a moment of real time to
    /// finish or to queue more virtual work before the clock jumps to the deadline; virtual time does not move meanwhile.
    /// An <paramref name="operation"/> built on client commands (a join, <c>Task.WhenAll</c> of joins) completes through
    /// continuations off the clock once the commands are resolved: it gets that moment before the clock moves on, so
    /// the run ends at the same instant for a seed.
    /// </summary>
    private async Task<bool> RunCoreAsync(Func<bool> condition, TimeSpan limit, bool settle, Task? operation)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        var deadline = Begin(limit);
        var commandsWaiting = false;
        try
        {
            await DrainAsync().ConfigureAwait(false);
            while (!condition())
            {
                if (operation is not null && commandsWaiting && !CommandsWaiting())
                {
                    await Task.WhenAny(operation, Task.Delay(SettleTime)).ConfigureAwait(false);
                    if (condition())
                    {
                        break;
                    }
                }

                commandsWaiting = CommandsWaiting();
                if (!Due(deadline) && !(settle && await SettleAsync(condition, deadline).ConfigureAwait(false)))
                {
                    Finish(deadline);
                    return false;
                }

                Step(deadline);
                await DrainAsync().ConfigureAwait(false);
            }

            return true;
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>True while a join or leave of some client waits for its engine.</summary>
    private bool CommandsWaiting() => _inOrder.Exists(c => c.Client.HasPendingOperations);

    /// <summary>Waits, in real time and at most <see cref="SettleTime"/>, until the condition holds or virtual work is due by the deadline.</summary>
    private async Task<bool> SettleAsync(Func<bool> condition, TimeSpan deadline)
    {
        for (var waited = TimeSpan.Zero; waited < SettleTime; waited += SettlePoll)
        {
            await Task.Delay(SettlePoll).ConfigureAwait(false);
            await DrainAsync().ConfigureAwait(false);
            if (condition() || Due(deadline))
            {
                return true;
            }
        }

        return false;
    }

    private bool Due(TimeSpan deadline)
    {
        lock (_gate)
        {
            return _clock.NextDue is { } next && next <= deadline;
        }
    }

    private void Finish(TimeSpan deadline)
    {
        lock (_gate)
        {
            if (!Due(deadline))
            {
                _clock.RunUntil(deadline);
                Check();
            }
        }
    }

    private TimeSpan Begin(TimeSpan limit)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            ThrowIfRunning();
            ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, TimeSpan.MaxValue - _clock.Elapsed);
            _running = true;
            return _clock.Elapsed + limit;
        }
    }

    /// <summary>Runs everything due at the next instant, if it comes by the deadline.</summary>
    private void Step(TimeSpan deadline)
    {
        lock (_gate)
        {
            if (_clock.NextDue is { } next && next <= deadline)
            {
                _clock.RunUntil(next);
                Check();
            }
        }
    }

    private async Task DrainAsync()
    {
        foreach (var client in _inOrder)
        {
            await client.Client.DrainEventsAsync().ConfigureAwait(false);
        }
    }

    private void ThrowIfRunning()
    {
        if (_running)
        {
            throw new InvalidOperationException("The call is already running: one run at a time, and faults are injected between runs.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
