using System.Collections.Concurrent;
using System.Diagnostics;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>
/// Fuzzes a live server: one steady peer joins <c>room-42</c> and pings throughout; fuzz workers open connection after
/// connection (tokens limited to <c>fuzz-*</c> channels), send a valid or mutated join, then a batch of fuzzed and valid
/// frames without waiting for answers, and close. Afterwards the steady peer must still get its pong and have seen no
/// roster change, every fuzz connection must have ended with a close code the server documents, and (when the server's
/// sessions can be listed) only the steady peer may be left.
/// </summary>
internal static class LiveFuzzCampaign
{
    /// <summary>The channel of the steady peer.</summary>
    public const string SteadyChannel = "room-42";

    /// <summary>The steady peer's id.</summary>
    public const string SteadyPeerId = "steady";

    /// <summary>
    /// The close codes the server may end a fuzz connection with (docs/protocol.md, "Sent by": server). A connection that
    /// sent a frame that is not UTF-8 may also be reset: the WebSocket layer sends 1007 and drops the connection at once.
    /// </summary>
    public static readonly IReadOnlySet<int> ServerCloseCodes = new SortedSet<int>
    {
        CloseCodes.Normal, CloseCodes.InvalidPayload, CloseCodes.ServiceRestart, CloseCodes.InvalidToken, CloseCodes.TokenExpired, CloseCodes.ChannelNotAuthorized,
        CloseCodes.AdminDisconnect, CloseCodes.OverCapacity, CloseCodes.FrameTooLarge, CloseCodes.RateLimited, CloseCodes.JoinTimeout,
        CloseCodes.ProtocolViolation, CloseCodes.SlowConsumer,
    };

    /// <summary>Runs the campaign until <paramref name="frames"/> frames were sent over <paramref name="workers"/> parallel workers.</summary>
    /// <param name="target">The server.</param>
    /// <param name="seed">The seed; worker <c>w</c> draws from <c>seed + w</c>.</param>
    /// <param name="frames">The frames to send in all.</param>
    /// <param name="workers">Fuzz connections open at once.</param>
    /// <param name="oversizedBytes">The size of the rare oversized frame (over the server's frame limit).</param>
    /// <param name="settle">How long the server may take to drop every fuzz session (silence grace and heartbeat included).</param>
    /// <param name="cancel">Stops the campaign.</param>
    public static async Task<FuzzReport> RunAsync(FuzzTarget target, ulong seed, long frames, int workers, int oversizedBytes, TimeSpan settle, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        var problems = new ConcurrentQueue<string>();
        var endings = new ConcurrentDictionary<int, int>();
        var sent = 0L;
        var connections = 0;
        using var steady = await SteadyPeer.JoinAsync(target, problems.Enqueue, cancel).ConfigureAwait(false);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(
            async () =>
            {
                var fuzzer = new FrameFuzzer(seed + (ulong)w);
                var random = new Random(unchecked((int)seed) + w);
                for (var k = 0; Interlocked.Read(ref sent) < frames && !cancel.IsCancellationRequested; k++)
                {
                    Interlocked.Increment(ref connections);
                    var code = await OneConnectionAsync(target, fuzzer, random, $"fuzz-{w}-{k % 3}", $"p{k % 4}", oversizedBytes, n => Interlocked.Add(ref sent, n), problems.Enqueue, cancel).ConfigureAwait(false);
                    endings.AddOrUpdate(code, 1, (_, n) => n + 1);
                }
            },
            cancel))).ConfigureAwait(false);

        if (target.ListPeers is { } list)
        {
            var left = await SettledPeersAsync(list, settle, cancel).ConfigureAwait(false);
            if (left.Count != 1 || left[0] != $"{SteadyChannel}/{SteadyPeerId}")
            {
                problems.Enqueue($"sessions left after {settle.TotalSeconds} s: {string.Join(", ", left)}");
            }
        }

        await steady.FinishAsync(cancel).ConfigureAwait(false);
        return new FuzzReport(seed, sent, connections, new SortedDictionary<int, int>(endings), [.. problems], clock.Elapsed);
    }

    private static async Task<int> OneConnectionAsync(
        FuzzTarget target, FrameFuzzer fuzzer, Random random, string channel, string peerId, int oversizedBytes, Action<long> count, Action<string> problem, CancellationToken cancel)
    {
        var token = await target.TokenFor($"fuzz-{channel}-{peerId}", "fuzz-*").ConfigureAwait(false);
        using var socket = await FuzzSocket.ConnectAsync(target.SignalUri, token, _ => { }, problem, cancel).ConfigureAwait(false);
        var batch = random.Next(100, 3000);
        var sent = 0;
        var last = "none";
        var sentInvalidUtf8 = false;
        for (var i = 0; i < batch; i++)
        {
            var frame = i == 0 ? fuzzer.NextJoin(channel, peerId)
                : random.Next(5000) == 0 ? fuzzer.Oversized(oversizedBytes)
                : random.Next(3) == 0 ? fuzzer.NextHarmless($"p{random.Next(4)}")
                : NextKeepingMostConnectionsOpen(fuzzer, random);
            last = frame.Mutation;
            if (!await socket.SendAsync(frame, cancel).ConfigureAwait(false))
            {
                break;
            }

            sent++;
            sentInvalidUtf8 |= frame.Mutation == FrameFuzzer.InvalidUtf8Mutation;
        }

        count(sent);
        var code = await socket.CloseAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        if (!ServerCloseCodes.Contains(code) && !(code == FuzzSocket.Dropped && sentInvalidUtf8))
        {
            problem($"connection {channel}/{peerId} ended with {code}, not a documented server close code, after {sent} frames, the last one tried {last}");
        }

        return code;
    }

    /// <summary>A fuzzed frame; frames that end a connection (binary, not UTF-8) are thinned out so most fuzzing happens after the join.</summary>
    private static FuzzFrame NextKeepingMostConnectionsOpen(FrameFuzzer fuzzer, Random random)
    {
        var frame = fuzzer.NextClientFrame();
        while ((frame.Binary || frame.Mutation == FrameFuzzer.InvalidUtf8Mutation) && random.Next(20) != 0)
        {
            frame = fuzzer.NextClientFrame();
        }

        return frame;
    }

    private static async Task<IReadOnlyList<string>> SettledPeersAsync(Func<Task<IReadOnlyList<string>>> list, TimeSpan settle, CancellationToken cancel)
    {
        var deadline = Stopwatch.StartNew();
        var peers = await list().ConfigureAwait(false);
        while (peers.Count > 1 && deadline.Elapsed < settle)
        {
            await Task.Delay(200, cancel).ConfigureAwait(false);
            peers = await list().ConfigureAwait(false);
        }

        return peers;
    }

    /// <summary>The well-behaved peer: joined, pinging, and watching for any roster change or close.</summary>
    private sealed class SteadyPeer : IDisposable
    {
        private const long FinalPing = 1_000_000;
        private readonly FuzzSocket socket;
        private readonly Action<string> problem;
        private readonly TaskCompletionSource welcomed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource finalPong = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource pinging = new();
        private Task pinger = Task.CompletedTask;

        private SteadyPeer(FuzzSocket socket, Action<string> problem)
        {
            this.socket = socket;
            this.problem = problem;
        }

        public static async Task<SteadyPeer> JoinAsync(FuzzTarget target, Action<string> problem, CancellationToken cancel)
        {
            SteadyPeer? peer = null;
            var token = await target.TokenFor(SteadyPeerId, SteadyChannel).ConfigureAwait(false);
            var socket = await FuzzSocket.ConnectAsync(target.SignalUri, token, m => peer!.OnMessage(m), problem, cancel).ConfigureAwait(false);
            peer = new SteadyPeer(socket, problem);
            var join = new JoinMessage(SteadyChannel, SteadyPeerId, new Dictionary<string, string>(), [], null, 250);
            await socket.SendAsync(FuzzFrame.OfText(ProtocolCodec.Encode(join), "steady join"), cancel).ConfigureAwait(false);
            await peer.welcomed.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel).ConfigureAwait(false);
            peer.pinger = peer.PingAsync();
            return peer;
        }

        /// <summary>Stops the periodic pings, sends a last ping and demands its pong; a close meanwhile is a problem.</summary>
        public async Task FinishAsync(CancellationToken cancel)
        {
            await pinging.CancelAsync().ConfigureAwait(false);
            await pinger.ConfigureAwait(false);
            if (socket.Ended.IsCompleted)
            {
                problem($"the steady peer was closed with {await socket.Ended.ConfigureAwait(false)}");
                return;
            }

            await socket.SendAsync(FuzzFrame.OfText(ProtocolCodec.Encode(new PingMessage(FinalPing)), "steady ping"), cancel).ConfigureAwait(false);
            try
            {
                await finalPong.Task.WaitAsync(TimeSpan.FromSeconds(10), cancel).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                problem("the steady peer got no pong to its last ping");
            }
        }

        public void Dispose()
        {
            pinging.Dispose();
            socket.Dispose();
        }

        private void OnMessage(ServerMessage message)
        {
            switch (message)
            {
                case WelcomeMessage:
                    welcomed.TrySetResult();
                    break;
                case PongMessage { Sequence: FinalPing }:
                    finalPong.TrySetResult();
                    break;
                case PongMessage:
                    break;
                case RosterMessage { Peers.Count: 0 }:
                    break;
                default:
                    problem($"the steady peer saw {message}");
                    break;
            }
        }

        private async Task PingAsync()
        {
            using var ticks = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
            try
            {
                for (var sequence = 1L; await ticks.WaitForNextTickAsync(pinging.Token).ConfigureAwait(false); sequence++)
                {
                    await socket.SendAsync(FuzzFrame.OfText(ProtocolCodec.Encode(new PingMessage(sequence)), "steady ping"), pinging.Token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                // The campaign is over: the last ping follows.
            }
        }
    }
}
