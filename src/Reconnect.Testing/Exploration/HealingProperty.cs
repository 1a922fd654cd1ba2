using System.Globalization;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Testing.World;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// The property every generated run must have: no invariant is violated, the call heals within the recovery bound,
/// and every peer the app did not take out of the call is still in it. The one fault a generated run may inject that
/// ends a peer's call is a token provider handing out expired tokens at least
/// <see cref="TokenProviderOptions.ExpiredTokenCloseLimit"/> times: that peer may end closed, with the
/// 4002 <c>TerminalCloseError</c> it must raise (the faults of a peer add up: tokens are handed out in a row). A run
/// where no peer is left in the call (each left it or was ended so) has nothing to heal, nor any fault to see healed;
/// each such end is still checked.
/// </summary>
public static class HealingProperty
{
    /// <summary>Every problem with the run; empty when it passes.</summary>
    public static IReadOnlyList<string> Check(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var result = outcome.Result;
        var problems = new List<string>(result.Violations);
        var seed = string.Create(CultureInfo.InvariantCulture, $"SEED=0x{result.Seed:x}");
        if (outcome.World.Peers.Any(ConvergenceProbe.IsLive))
        {
            if (!result.Healed)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{seed}: not healed within {outcome.Scenario.RecoveryBoundMs / 1000.0:0.0}s of the liveness phase"));
                problems.AddRange(result.Pending.Select(pending => $"{seed}:   pending: {pending}"));
            }
            else
            {
                problems.AddRange(Checkers.ExpectationChecker.UnhealedFaults(result));
            }
        }

        foreach (var peer in outcome.World.Peers.Where(p => p.Started && !p.Departed))
        {
            if (peer.Engine.Snapshot.Local == LocalPeerState.Closed && !EndedByExpiredTokens(outcome, peer.Name))
            {
                problems.Add($"{seed}: {peer.Name} ended closed although no fault was terminal");
            }
        }

        return problems;
    }

    /// <summary>
    /// True when the peer's provider was made to hand out enough expired tokens, over all its <c>expired-token</c>
    /// faults together, to end its call, and it ended with 4002.
    /// </summary>
    private static bool EndedByExpiredTokens(RunOutcome outcome, string peer) =>
        outcome.Scenario.Timeline.Where(f => f.Kind == Scenarios.FaultKind.ExpiredToken && f.Peer == peer).Sum(f => f.Count ?? 1) >= new ReconnectOptions().Token.ExpiredTokenCloseLimit
        && outcome.Result.Trace.Events.Any(e => e.Peer == peer && e.Event == Trace.TraceEventKind.Error && e.Code == CloseCodes.TokenExpired);
}
