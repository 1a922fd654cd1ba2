using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// What a random step does to a joined engine; <see cref="EngineStep.A"/>, <see cref="EngineStep.B"/> and <see cref="EngineStep.C"/>
/// pick among the choices. <see cref="Progress"/> does what the world would do next (fire the retry, answer the token, open the
/// socket, welcome, answer the roster), so runs get through whole reconnects.
/// </summary>
internal enum StepKind
{
    Progress,
    Advance,
    FireNextTimer,
    FireCancelledTimer,
    AnswerToken,
    FailToken,
    OpenSocket,
    Welcome,
    AnswerRoster,
    Drop,
    DropStaleEpoch,
    Ice,
    Signal,
    PeerJoined,
    PeerLeft,
    PeerUpdated,
    Network,
    Join,
    Leave,
    Close,
    AddStream,
    RemoveStream,
    ReplaceTrack,
    MalformedFrame,
    Evicted,
    GoingAway,
    Pong,
    StreamArrives,
    LocalDescription,
    LocalCandidate,
    MediaFails,
}

/// <summary>One random input (or none, when the world has nothing to answer yet).</summary>
internal sealed record EngineStep(StepKind Kind, int A, int B, int C);

/// <summary>A random run: the engine's seed and options, and the steps fed to it once it has joined.</summary>
internal sealed record EngineRun(
    ulong Seed,
    bool RetryFirstConnect,
    bool ForceMediaRestart,
    bool StopOnEviction,
    bool RestartOnDisconnected,
    int MaxAttempts,
    IReadOnlyList<EngineStep> Steps)
{
    public override string ToString() =>
        $"EngineRun seed={Seed} retryFirst={RetryFirstConnect} forceMedia={ForceMediaRestart} stopOnEviction={StopOnEviction} "
        + $"restartOnDisconnected={RestartOnDisconnected} maxAttempts={MaxAttempts} "
        + $"steps=[{string.Join(", ", Steps.Select(s => $"{s.Kind}({s.A},{s.B},{s.C})"))}]";
}

public sealed class EnginePropertyTests
{
    private const string Local = "B";
    private static readonly string[] Remotes = ["A", "C", "D", "E"];
    private static readonly int[] CloseCodeChoices = [1000, 1001, 1006, 1006, 1012, 4002, 4006, 4100, 3000, 4001];
    private static readonly int[] AdvanceMs = [0, 1, 400, 2_500, 10_000, 30_000, 61_000];
    private static readonly IceConnectionState[] IceStates =
    [
        IceConnectionState.Connected, IceConnectionState.Connected, IceConnectionState.Completed, IceConnectionState.Disconnected,
        IceConnectionState.Disconnected, IceConnectionState.Failed, IceConnectionState.Failed, IceConnectionState.Checking,
        IceConnectionState.New, IceConnectionState.Closed,
    ];

    private static readonly NetworkChange[] NetworkChanges = Enum.GetValues<NetworkChange>();

    private static readonly Gen<StepKind> Kind = Gen.Frequency(
    [
        .. Enum.GetValues<StepKind>().Select(k => (k switch
        {
            StepKind.Progress => 40,
            StepKind.Ice => 12,
            StepKind.Advance or StepKind.FireNextTimer => 8,
            StepKind.Drop or StepKind.Signal or StepKind.LocalDescription or StepKind.StreamArrives => 4,
            _ => 1,
        }, Gen.Constant(k))),
    ]);

    private static readonly Gen<EngineStep> Step =
        from kind in Kind
        from a in Gen.Choose(0, 15)
        from b in Gen.Choose(0, 15)
        from c in Gen.Choose(0, 15)
        select new EngineStep(kind, a, b, c);

    private static readonly Gen<EngineRun> Run =
        from seed in Gen.Choose(0, int.MaxValue)
        from retryFirst in Gen.Elements(false, true)
        from forceMedia in Gen.Elements(false, true)
        from stop in Gen.Elements(false, true)
        from restartOnDisconnected in Gen.Elements(true, true, false)
        from maxAttempts in Gen.Elements(2, 5, 100)
        from steps in Gen.ListOf(Step)
        select new EngineRun((ulong)seed, retryFirst, forceMedia, stop, restartOnDisconnected, maxAttempts, [.. steps]);

    [Fact]
    public void Any_input_sequence_keeps_notices_chained_identities_stable_and_nothing_after_close()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Arb.From(Run, Shrink), run =>
            {
                var failure = Replay(run);
                return (failure is null).Label($"{run}\n{failure}");
            }));
    }

    /// <summary>Runs the steps and returns the first exception (an engine throw or a broken invariant), or null.</summary>
    private static string? Replay(EngineRun run)
    {
        var options = new ReconnectOptions
        {
            RetryFirstConnect = run.RetryFirstConnect,
            ForceMediaRestartOnReconnect = run.ForceMediaRestart,
            OnEvicted = run.StopOnEviction ? EvictionBehaviour.Stop : EvictionBehaviour.RejoinAsNew,
            Backoff = new SocketBackoffOptions { MaxAttempts = run.MaxAttempts },
            IceRestart = new IceRestartLadderOptions { RestartOnDisconnected = run.RestartOnDisconnected },
            PendingSignalCapacity = 4,
        };
        var h = new EngineHarness(options, run.Seed);
        var step = -1;
        try
        {
            h.Join(Local, "room", Entry("A", 0), Entry("C", 0));
            for (step = 0; step < run.Steps.Count; step++)
            {
                Apply(h, run.Steps[step]);
            }

            return null;
        }
        catch (Exception e)
        {
            return $"step {step} failed at {h.Now}: {e}";
        }
    }

    private static void Apply(EngineHarness h, EngineStep s)
    {
        var peer = Remotes[s.A % Remotes.Length];
        var live = h.Snapshot.Remotes.FirstOrDefault(r => r.Id == peer)?.Generation ?? 1;
        var generation = Math.Max(0, (s.C % 6) switch { 0 => live - 1, 1 => live + 1, _ => live });
        switch (s.Kind)
        {
            case StepKind.Progress: Progress(h, s); break;
            case StepKind.Advance: h.Advance(TimeSpan.FromMilliseconds(AdvanceMs[s.A % AdvanceMs.Length])); break;
            case StepKind.FireNextTimer: h.FireNextTimer(); break;
            case StepKind.FireCancelledTimer:
                if (h.All<CancelTimer>().LastOrDefault() is { } cancelled)
                {
                    h.Feed(new TimerFired(cancelled.Timer));
                }

                break;
            case StepKind.AnswerToken:
                if (h.All<FetchToken>().LastOrDefault() is { } fetch)
                {
                    h.Feed(new TokenFetched(fetch.Attempt - (s.B % 2), "t", EngineHarness.DefaultIce));
                }

                break;
            case StepKind.FailToken:
                if (h.All<FetchToken>().LastOrDefault() is { } failed)
                {
                    h.Feed(new TokenFetchFailed(failed.Attempt, "down"));
                }

                break;
            case StepKind.OpenSocket: h.Feed(new SocketOpened(h.Snapshot.Epoch)); break;
            case StepKind.Welcome:
                if (h.Sent<JoinMessage>().Any())
                {
                    h.Welcome();
                }

                break;
            case StepKind.AnswerRoster:
                if (h.Sent<RosterRequestMessage>().LastOrDefault() is { } request)
                {
                    h.ServerSends(new RosterMessage(request.RequestId - (s.B % 2), [.. Remotes.Where((_, i) => (s.A & (1 << i)) != 0).Select(r => Entry(r, s.B))]));
                }

                break;
            case StepKind.Drop: h.DropSocket(CloseCodeChoices[(s.A + s.B) % CloseCodeChoices.Length]); break;
            case StepKind.DropStaleEpoch: h.Feed(new SocketClosed(h.Snapshot.Epoch - 1, CloseCodes.Abnormal, "late")); break;
            case StepKind.Ice: h.Feed(new IceStateChanged(peer, generation, IceStates[s.B % IceStates.Length])); break;
            case StepKind.Signal: h.Signal(peer, Payload(s.B, generation)); break;
            case StepKind.PeerJoined: h.ServerSends(new PeerJoinedMessage(Entry(peer, s.B))); break;
            case StepKind.PeerLeft: h.ServerSends(new PeerLeftMessage(peer, Entry(peer, s.B).SessionId, "left")); break;
            case StepKind.PeerUpdated: h.ServerSends(new PeerUpdatedMessage(Entry(peer, s.B))); break;
            case StepKind.Network: h.Feed(new NetworkChanged(NetworkChanges[s.B % NetworkChanges.Length])); break;
            case StepKind.Join: h.Feed(new JoinRequested("room", Local, EngineHarness.Meta())); break;
            case StepKind.Leave: h.Feed(new LeaveRequested()); break;
            case StepKind.Close: h.Feed(new CloseRequested()); break;
            case StepKind.AddStream: h.Feed(new LocalStreamAdded(new StreamInfo($"s{s.B % 2}", EngineHarness.Meta()))); break;
            case StepKind.RemoveStream: h.Feed(new LocalStreamRemoved($"s{s.B % 2}")); break;
            case StepKind.ReplaceTrack: h.Feed(new LocalTrackReplaced($"s{s.B % 2}", $"t{s.A}")); break;
            case StepKind.MalformedFrame: h.Feed(new FrameReceived(h.Snapshot.Epoch, "{\"type\":")); break;
            case StepKind.Evicted: h.ServerSends(new EvictedMessage("network-disconnect")); break;
            case StepKind.GoingAway: h.ServerSends(new GoingAwayMessage(s.B * 1_000)); break;
            case StepKind.Pong: h.ServerSends(new PongMessage(s.B)); break;
            case StepKind.StreamArrives: h.Feed(new RemoteStreamArrived(peer, generation, s.B % 2 == 0 ? "cam" : "mic")); break;
            case StepKind.LocalDescription:
                var description = new SessionDescription(s.B % 2 == 0 ? SdpType.Offer : SdpType.Answer, "sdp");
                h.Feed(s.B % 4 == 1 ? new LocalDescriptionApplied(peer, generation, description) : new LocalDescriptionCreated(peer, generation, description));
                break;
            case StepKind.LocalCandidate: h.Feed(new LocalCandidateGathered(peer, generation, new IceCandidate("c"))); break;
            case StepKind.MediaFails: h.Feed(new MediaOperationFailed(peer, generation, Enum.GetValues<MediaOperation>()[s.B % Enum.GetValues<MediaOperation>().Length], "failed")); break;
            default: throw new ArgumentOutOfRangeException(nameof(s), s, "unknown step kind");
        }
    }

    /// <summary>Does what the world would do next for the socket and the reconcile, or lets the next timer fire.</summary>
    private static void Progress(EngineHarness h, EngineStep s)
    {
        var snapshot = h.Snapshot;
        switch (snapshot.Socket)
        {
            case SignallingSocketState.FetchingToken:
                h.AnswerToken();
                break;
            case SignallingSocketState.Connecting when h.Last<OpenSocket>().Epoch == snapshot.Epoch && !h.All<SendMessage>().Any(m => m.Epoch == snapshot.Epoch):
                h.OpenSocket();
                break;
            case SignallingSocketState.Connecting:
                h.Welcome();
                break;
            case SignallingSocketState.Open when snapshot.Reconcile is ReconcileState.AwaitingRoster or ReconcileState.TimedOut:
                h.AnswerRoster([.. Remotes.Where((_, i) => (s.A & (1 << i)) != 0 || i < 2).Select(r => Entry(r, s.B))]);
                break;
            default:
                h.FireNextTimer();
                break;
        }
    }

    /// <summary>A roster entry; one variant in eight is the peer back under a new session.</summary>
    private static RosterEntry Entry(string id, int variant) =>
        EngineHarness.Peer(id, $"session-{id}-{(variant % 8 == 7 ? 1 : 0)}", EngineHarness.Meta(("v", $"{variant % 3}")), variant % 4 < 2 ? ["cam"] : []);

    private static SignalPayload Payload(int variant, int generation) => (variant % 3) switch
    {
        0 => new OfferSignal(generation, "offer", variant % 2 == 0),
        1 => new AnswerSignal(generation, "answer"),
        _ => new CandidateSignal(generation, new IceCandidate("c")),
    };

    private static IEnumerable<EngineRun> Shrink(EngineRun run)
    {
        var steps = run.Steps;
        if (steps.Count > 1)
        {
            yield return run with { Steps = [.. steps.Take(steps.Count / 2)] };
            yield return run with { Steps = [.. steps.Skip(steps.Count / 2)] };
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            yield return run with { Steps = [.. steps.Where((_, j) => j != i)] };
        }
    }
}
