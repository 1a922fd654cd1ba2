using System.Net.WebSockets;
using System.Text;
using Reconnect.Core.Protocol;

namespace Reconnect.LoadBench;

/// <summary>
/// One real WebSocket client speaking the signalling protocol the way the engine does, kept small so thousands run in
/// one process: join (resuming its session after a drop), ask for the roster once welcomed, keep the roster from the
/// snapshot and the events newer than it, ping on a period, and after a drop reconnect with the engine's jittered
/// backoff (500 ms doubling, +/-20 %, capped at 2 s while its session may be resumed), giving up on a socket not
/// welcomed within 10 s.
/// </summary>
internal sealed class LoadClient(string peerId, string channel, Uri endpoint, string token, IReadOnlySet<string> expected, LoadCounters counters)
{
    /// <summary>How long a connect may take until the welcome, as the engine's welcome timeout: then the socket is aborted and retried.</summary>
    private static readonly TimeSpan WelcomeTimeout = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly Dictionary<string, string> roster = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sendSlot = new(1, 1);
    private readonly Random jitter = new(peerId.GetHashCode(StringComparison.Ordinal));
    private ClientWebSocket? socket;
    private string? sessionId;
    private long snapshotVersion = -1;
    private int requestId;
    private bool welcomedThisSocket;

    /// <summary>The peer's id.</summary>
    public string PeerId { get; } = peerId;

    /// <summary>Completes at the first welcome.</summary>
    public TaskCompletionSource Joined { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When the roster last became whole (every other peer of the channel, and no one else), in <see cref="TimeProvider"/> ticks.</summary>
    public long WholeAt { get; private set; }

    /// <summary>True while the roster holds exactly the other peers of the channel.</summary>
    public bool RosterWhole
    {
        get
        {
            lock (gate)
            {
                return roster.Count == expected.Count && roster.Keys.All(expected.Contains);
            }
        }
    }

    /// <summary>How many expected peers the roster misses now.</summary>
    public int Missing
    {
        get
        {
            lock (gate)
            {
                return expected.Count(p => !roster.ContainsKey(p));
            }
        }
    }

    /// <summary>Cuts the connection at once, as a network failure does: no close frame.</summary>
    public void Cut() => socket?.Abort();

    /// <summary>Connects, and reconnects after every drop, until cancelled.</summary>
    public async Task RunAsync(SemaphoreSlim connectSlots, TimeSpan pingInterval, CancellationToken cancel)
    {
        var failures = 0;
        while (!cancel.IsCancellationRequested)
        {
            welcomedThisSocket = false;
            await connectSlots.WaitAsync(cancel);
            try
            {
                await SessionAsync(connectSlots, pingInterval, cancel);
            }
            catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException && !cancel.IsCancellationRequested)
            {
                Interlocked.Increment(ref counters.Drops);
            }

            failures = welcomedThisSocket ? 0 : failures + 1;
            var wait = Math.Min(500 * Math.Pow(2, failures), 2_000) * (0.8 + (0.4 * jitter.NextDouble()));
            await Task.Delay(TimeSpan.FromMilliseconds(wait), cancel);
        }
    }

    private async Task SessionAsync(SemaphoreSlim connectSlots, TimeSpan pingInterval, CancellationToken cancel)
    {
        var released = false;
        using var ws = new ClientWebSocket();
        ws.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        ws.Options.KeepAliveInterval = TimeSpan.Zero;
        socket = ws;
        using var welcomeDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        welcomeDeadline.CancelAfter(WelcomeTimeout);
        using var abortUnwelcomed = welcomeDeadline.Token.Register(() =>
        {
            if (!welcomedThisSocket && !cancel.IsCancellationRequested)
            {
                ws.Abort();
            }
        });
        try
        {
            await ws.ConnectAsync(endpoint, welcomeDeadline.Token);
            await SendAsync(new JoinMessage(channel, PeerId, new Dictionary<string, string>(), [], sessionId, (long)pingInterval.TotalMilliseconds), cancel);
            using var pinging = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var pings = PingAsync(pingInterval, pinging.Token);
            var buffer = new byte[64 * 1024];
            while (ws.State == WebSocketState.Open)
            {
                var frame = await ReceiveAsync(ws, buffer, cancel);
                if (frame is null)
                {
                    break;
                }

                Interlocked.Increment(ref counters.FramesIn);
                if (!ProtocolCodec.TryDecodeServerMessage(frame, out var message, out _))
                {
                    continue;
                }

                if (message is WelcomeMessage welcome)
                {
                    connectSlots.Release();
                    released = true;
                    OnWelcome(welcome);
                    await SendAsync(new RosterRequestMessage(++requestId), cancel);
                }
                else
                {
                    Apply(message);
                }
            }

            await pinging.CancelAsync();
            await pings.ContinueWith(_ => { }, TaskScheduler.Default);
            Interlocked.Increment(ref counters.Drops);
        }
        finally
        {
            if (!released)
            {
                connectSlots.Release();
            }
        }
    }

    private void OnWelcome(WelcomeMessage welcome)
    {
        Interlocked.Increment(ref counters.Welcomes);
        counters.Welcomed(welcome.Resumed);
        if (!welcome.Resumed)
        {
            lock (gate)
            {
                roster.Clear();
                snapshotVersion = -1;
            }
        }

        sessionId = welcome.SessionId;
        welcomedThisSocket = true;
        Joined.TrySetResult();
    }

    private void Apply(ServerMessage message)
    {
        lock (gate)
        {
            switch (message)
            {
                case RosterMessage snapshot when snapshot.Version >= snapshotVersion:
                    snapshotVersion = snapshot.Version;
                    roster.Clear();
                    foreach (var peer in snapshot.Peers)
                    {
                        roster[peer.PeerId] = peer.SessionId;
                    }

                    break;
                case PeerJoinedMessage joined when joined.Version > snapshotVersion:
                    roster[joined.Peer.PeerId] = joined.Peer.SessionId;
                    break;
                case PeerLeftMessage left when left.Version > snapshotVersion && roster.GetValueOrDefault(left.PeerId) == left.SessionId:
                    roster.Remove(left.PeerId);
                    break;
                case EvictedMessage:
                    sessionId = null;
                    break;
                default:
                    return;
            }

            if (roster.Count == expected.Count && roster.Keys.All(expected.Contains))
            {
                WholeAt = TimeProvider.System.GetTimestamp();
            }
        }
    }

    private async Task PingAsync(TimeSpan interval, CancellationToken cancel)
    {
        using var timer = new PeriodicTimer(interval);
        var sequence = 0L;
        while (await timer.WaitForNextTickAsync(cancel))
        {
            await SendAsync(new PingMessage(++sequence), cancel);
        }
    }

    private async Task SendAsync(ClientMessage message, CancellationToken cancel)
    {
        var bytes = Encoding.UTF8.GetBytes(ProtocolCodec.Encode(message));
        await sendSlot.WaitAsync(cancel);
        try
        {
            if (socket is { State: WebSocketState.Open } open)
            {
                await open.SendAsync(bytes, WebSocketMessageType.Text, true, cancel);
                Interlocked.Increment(ref counters.FramesOut);
            }
        }
        finally
        {
            sendSlot.Release();
        }
    }

    private static async Task<string?> ReceiveAsync(ClientWebSocket ws, byte[] buffer, CancellationToken cancel)
    {
        var length = 0;
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer.AsMemory(length), cancel);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }

            if (length == buffer.Length)
            {
                return null;
            }
        }
    }
}
