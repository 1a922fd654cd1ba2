using Reconnect.Core.Machines;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Every row of every table matters to some rule test: each row in turn is dropped, retargeted to another state, and
/// stripped of its effects, the rule tests that reached it run against the mutant, and one of them must fail. A test
/// that never reached the row cannot tell the mutant apart, so only the tests that reached it are run.
/// </summary>
public sealed class TableMutationTests
{
    private static readonly Lazy<IReadOnlyList<(RuleTestInvocation Test, IReadOnlySet<string> Keys)>> Reached =
        new(() => [.. RuleTestCatalog.All.Select(t => (t, t.RunCollectingKeys()))]);

    [Fact]
    public void Every_local_peer_row_mutant_is_caught() =>
        AssertEveryMutantCaught(MachineTables.Standard.LocalPeer, t => MachineTables.Standard with { LocalPeer = t });

    [Fact]
    public void Every_signalling_socket_row_mutant_is_caught_but_the_equivalent_ones() =>
        AssertEveryMutantCaught(
            MachineTables.Standard.SignallingSocket,
            t => MachineTables.Standard with { SignallingSocket = t },
            [
                "retarget FetchingToken--TokenFailed [budget spent]-->Closed to Idle",
                "retarget Connecting--SocketFailed [terminal code]-->Closed to Idle",
                "retarget Connecting--SocketFailed [budget spent]-->Closed to Idle",
                "retarget Open--SocketFailed [terminal code]-->Closed to Idle",
            ]);

    [Fact]
    public void Every_reconcile_row_mutant_is_caught() =>
        AssertEveryMutantCaught(MachineTables.Standard.Reconcile, t => MachineTables.Standard with { Reconcile = t });

    [Fact]
    public void Every_remote_peer_row_mutant_is_caught() =>
        AssertEveryMutantCaught(MachineTables.Standard.RemotePeer, t => MachineTables.Standard with { RemotePeer = t });

    [Fact]
    public void Every_negotiation_row_mutant_is_caught() =>
        AssertEveryMutantCaught(MachineTables.Standard.Negotiation, t => MachineTables.Standard with { Negotiation = t });

    [Fact]
    public void A_mutant_no_test_can_see_survives()
    {
        var table = MachineTables.Standard.Reconcile;
        var survivors = Survivors(table, t => MachineTables.Standard with { Reconcile = t }, _ => false);

        Assert.Equal(TableMutants.Of(table).Count(), survivors.Count);
    }

    /// <summary>
    /// Requires every mutant but the named equivalent ones to fail some rule test. A mutant is equivalent when no input
    /// can tell it apart: the socket rows that give up (a terminal code, the budget spent) also report it, and the local
    /// peer's shutdown that report causes closes the socket from wherever it stands, within the same input, so going
    /// to Idle first ends in Closed just the same.
    /// </summary>
    private static void AssertEveryMutantCaught<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table,
        Func<MachineTable<TState, TTrigger, TEffect, TContext>, MachineTables> install,
        IReadOnlyList<string>? equivalent = null)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var survivors = Survivors(table, install, _ => true);

        Assert.True(
            survivors.SequenceEqual(equivalent ?? []),
            $"Mutants of the {table.Name} table that pass every rule test that reaches their row:\n{string.Join("\n", survivors)}\n"
            + $"expected only the equivalent ones:\n{string.Join("\n", equivalent ?? [])}");
    }

    private static List<string> Survivors<TState, TTrigger, TEffect, TContext>(
        MachineTable<TState, TTrigger, TEffect, TContext> table,
        Func<MachineTable<TState, TTrigger, TEffect, TContext>, MachineTables> install,
        Func<string, bool> testsMayReach)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum
    {
        var survivors = new List<string>();
        foreach (var mutant in TableMutants.Of(table))
        {
            var key = $"{table.Name}: {mutant.Row.Key}";
            var tests = testsMayReach(key) ? Reached.Value.Where(r => r.Keys.Contains(key)).Select(r => r.Test).ToList() : [];
            if (!tests.Exists(test => Fails(test, install(mutant.Table))))
            {
                survivors.Add(mutant.Change);
            }
        }

        return survivors;
    }

    private static bool Fails(RuleTestInvocation test, MachineTables tables)
    {
        try
        {
            EngineHarness.WithTables(tables, test.Run);
            return false;
        }
        catch (System.Reflection.TargetInvocationException)
        {
            return true;
        }
    }
}
