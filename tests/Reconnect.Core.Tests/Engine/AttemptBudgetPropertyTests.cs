using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

/// <summary>How a welcomed socket is lost before the next successful reconnect.</summary>
internal enum NetworkLoss
{
    OfflineThenOnline,
    SocketDrop,
    AddressChange,
    SilentUntilLiveness,
}

/// <summary>One outage: how the socket is lost, how many attempts fail before one is welcomed, and how long it stayed up before.</summary>
internal sealed record Outage(NetworkLoss Loss, int FailedAttempts, int UpForMs);

/// <summary>A run of outages against an engine with a small attempt budget.</summary>
internal sealed record BudgetRun(ulong Seed, int MaxAttempts, IReadOnlyList<Outage> Outages)
{
    public override string ToString() =>
        $"SEED=0x{Seed:x} maxAttempts={MaxAttempts} outages={Outages.Count} "
        + $"[{string.Join(", ", Outages.Take(12).Select(o => $"{o.Loss}/{o.FailedAttempts}/{o.UpForMs}ms"))}{(Outages.Count > 12 ? ", ..." : string.Empty)}]";
}

/// <summary>Only failed attempts spend the budget: a socket opened and welcomed ends the run of failures, whatever happens next.</summary>
public sealed class AttemptBudgetPropertyTests
{
    private static readonly int[] DropCodes = [CloseCodes.Normal, CloseCodes.GoingAway, CloseCodes.Abnormal, CloseCodes.ServiceRestart, CloseCodes.TokenExpired];

    private static Gen<BudgetRun> Runs(int minOutages, int maxOutages) =>
        from seed in Gen.Choose(0, int.MaxValue)
        from maxAttempts in Gen.Choose(1, 4)
        from count in Gen.Choose(minOutages, maxOutages)
        from outages in Gen.ListOf(
            from loss in Gen.Elements(Enum.GetValues<NetworkLoss>())
            from failed in Gen.Choose(0, maxAttempts - 1)
            from upFor in Gen.Elements(0, 10, 5_000, 31_000)
            select new Outage(loss, failed, upFor), count)
        select new BudgetRun((ulong)seed, maxAttempts, [.. outages]);

    [Fact]
    public void Network_changes_each_followed_by_a_successful_reconnect_never_exhaust_the_budget_or_close_the_peer()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(6),
            Prop.ForAll(Arb.From(Runs(1, 1_000)), run =>
            {
                var failure = Replay(run);
                return (failure is null).Label($"{run}\n{failure}");
            }));
    }

    [Fact]
    public void A_thousand_drops_each_followed_by_a_successful_reconnect_with_a_budget_of_one_never_close_the_peer()
    {
        var outages = Enumerable.Range(0, 1_000).Select(i => new Outage((NetworkLoss)(i % 4), 0, i % 3 == 0 ? 31_000 : 0)).ToList();

        var run = new BudgetRun(0x5EED, 1, outages);

        Assert.True(Replay(run) is null, $"{run}\n{Replay(run)}");
    }

    [Fact]
    public void After_any_number_of_healed_outages_a_run_of_truly_failed_attempts_still_exhausts_the_budget()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(20),
            Prop.ForAll(Arb.From(Runs(0, 50)), run =>
            {
                var h = new EngineHarness(Options(run.MaxAttempts), run.Seed).Join("A", "room", EngineHarness.Peer("B"));
                foreach (var outage in run.Outages)
                {
                    Heal(h, outage);
                }

                h.DropSocket();
                FailAttempts(h, run.MaxAttempts);

                var exhausted = h.Errors<ReconnectAttemptsExhausted>().ToList();
                return (exhausted.Count == 1 && exhausted[0].Attempts == run.MaxAttempts && h.Snapshot.Local == LocalPeerState.Closed)
                    .Label($"{run}\nexhausted={string.Join(",", exhausted)} local={h.Snapshot.Local}");
            }));
    }

    private static ReconnectOptions Options(int maxAttempts) => new() { Backoff = new SocketBackoffOptions { MaxAttempts = maxAttempts } };

    /// <summary>Runs the outages and returns what went wrong first, or null.</summary>
    private static string? Replay(BudgetRun run)
    {
        var h = new EngineHarness(Options(run.MaxAttempts), run.Seed).Join("A", "room", EngineHarness.Peer("B"));
        for (var i = 0; i < run.Outages.Count; i++)
        {
            var before = h.Checkpoint;
            Heal(h, run.Outages[i]);
            if (h.Snapshot.Local != LocalPeerState.Joined || h.Snapshot.FailedAttempts != 0 || h.Errors<ReconnectError>(before).Any())
            {
                return $"after outage {i} ({run.Outages[i]}): local={h.Snapshot.Local} failed={h.Snapshot.FailedAttempts} "
                    + $"errors={string.Join(", ", h.Errors<ReconnectError>(before))}";
            }
        }

        return null;
    }

    /// <summary>Stays up for a while, loses the socket, fails some attempts, then reconnects with a welcome.</summary>
    private static void Heal(EngineHarness h, Outage outage)
    {
        h.Advance(TimeSpan.FromMilliseconds(outage.UpForMs));
        switch (outage.Loss)
        {
            case NetworkLoss.OfflineThenOnline:
                h.Feed(new NetworkChanged(NetworkChange.Offline));
                h.Advance(TimeSpan.FromSeconds(3));
                h.Feed(new NetworkChanged(NetworkChange.Online));
                break;
            case NetworkLoss.SocketDrop:
                h.DropSocket(DropCodes[outage.UpForMs % DropCodes.Length]);
                break;
            case NetworkLoss.AddressChange:
                h.DropSocket();
                h.Feed(new NetworkChanged(NetworkChange.AddressChanged));
                break;
            case NetworkLoss.SilentUntilLiveness:
                h.AdvanceUntil<SocketRetryScheduledNotice>(h.Engine.Options.Heartbeat.LivenessTimeout);
                break;
        }

        FailAttempts(h, outage.FailedAttempts);
        NextAttempt(h);
        h.Connect([EngineHarness.Peer("B")]);
    }

    /// <summary>Fails attempts after their socket opened and before any welcome.</summary>
    private static void FailAttempts(EngineHarness h, int count)
    {
        for (var attempt = 0; attempt < count; attempt++)
        {
            NextAttempt(h);
            h.AnswerToken();
            h.OpenSocket();
            h.DropSocket();
        }
    }

    /// <summary>Waits for the engine to ask for a token, unless it already did.</summary>
    private static void NextAttempt(EngineHarness h)
    {
        if (h.Snapshot.Socket != SignallingSocketState.FetchingToken)
        {
            h.AwaitAttempt();
        }
    }
}
