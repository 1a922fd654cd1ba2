using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Runs every rule test of this folder (each <c>*RuleTests</c> class's facts, and theories with their inline data) and
/// checks that the engines they drove reached every row and ignore rule of the five tables and every named mark.
/// </summary>
public sealed class EngineCoverageTests
{
    private static readonly Lazy<IReadOnlySet<string>> Reached = new(RunEveryRuleTest);

    private static IReadOnlyList<string> TableKeys =>
    [
        .. Keys(LocalPeerMachine.Table),
        .. Keys(RemotePeerMachine.Table),
        .. Keys(NegotiationMachine.Table),
        .. Keys(SignallingSocketMachine.Table),
        .. Keys(ReconcileMachine.Table),
    ];

    [Fact]
    public void Rule_tests_reach_every_row_and_ignore_rule_of_the_five_tables()
    {
        var missing = TableKeys.Where(k => !Reached.Value.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} table keys were never reached:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void Rule_tests_reach_every_coverage_mark()
    {
        var missing = CoverageMarks.All.Where(k => !Reached.Value.Contains(k)).ToList();

        Assert.True(missing.Count == 0, $"marks never reached: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_key_the_engine_counts_names_a_table_row_an_ignore_rule_or_a_mark()
    {
        var known = TableKeys.Concat(CoverageMarks.All).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], Reached.Value.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Keys<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
        where TEffect : struct, Enum =>
        machine.Rows.Select(row => $"{machine.Name}: {row.Key}")
            .Concat(machine.Ignores.Select(ignore => $"{machine.Name}: {ignore.Key}"));

    private static IReadOnlySet<string> RunEveryRuleTest()
    {
        Assert.NotEmpty(RuleTestCatalog.All);
        return RuleTestCatalog.All.SelectMany(t => t.RunCollectingKeys()).ToHashSet(StringComparer.Ordinal);
    }
}
