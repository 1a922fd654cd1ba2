using System.Globalization;
using Reconnect.Core.Machines.LocalPeer;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// The property every generated run must have, since no fault it injects is terminal: no invariant is violated,
/// the call heals within the recovery bound, and every peer the app did not take out of the call is still in it.
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
        if (!result.Healed)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{seed}: not healed within {outcome.Scenario.RecoveryBoundMs / 1000.0:0.0}s of the liveness phase"));
            problems.AddRange(result.Pending.Select(pending => $"{seed}:   pending: {pending}"));
        }
        else
        {
            problems.AddRange(Checkers.ExpectationChecker.UnhealedFaults(result));
        }

        foreach (var peer in outcome.World.Peers.Where(p => p.Started && !p.Departed))
        {
            if (peer.Engine.Snapshot.Local == LocalPeerState.Closed)
            {
                problems.Add($"{seed}: {peer.Name} ended closed although no fault was terminal");
            }
        }

        return problems;
    }
}
