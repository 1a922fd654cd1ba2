using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Negotiation;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.StateMachines;

public sealed class MachineTableTests
{
    public static TheoryData<string> MachineNames => ["LocalPeer", "RemotePeer", "Negotiation", "SignallingSocket", "Reconcile"];

    [Theory]
    [MemberData(nameof(MachineNames))]
    public void Table_builds_under_its_machine_name(string machine)
    {
        var facts = FactsOf(machine);

        Assert.Equal(machine, facts.Name);
        Assert.NotEmpty(facts.Rows);
    }

    [Theory]
    [MemberData(nameof(MachineNames))]
    public void Every_non_terminal_state_has_at_least_one_row_of_its_own_or_of_a_superstate(string machine)
    {
        var facts = FactsOf(machine);

        Assert.Equal([], facts.StatesWithoutRows);
    }

    [Theory]
    [MemberData(nameof(MachineNames))]
    public void Firing_any_trigger_in_any_state_returns_an_outcome_or_throws_unknown_transition(string machine)
    {
        var facts = FactsOf(machine);

        Assert.Equal([], facts.FireFailures);
        Assert.NotEqual(0, facts.Outcomes);
    }

    private static TableFacts FactsOf(string machine) => machine switch
    {
        "LocalPeer" => TableFacts.Of(LocalPeerMachine.Table),
        "RemotePeer" => TableFacts.Of(RemotePeerMachine.Table),
        "Negotiation" => TableFacts.Of(NegotiationMachine.Table),
        "SignallingSocket" => TableFacts.Of(SignallingSocketMachine.Table),
        "Reconcile" => TableFacts.Of(ReconcileMachine.Table),
        _ => throw new ArgumentOutOfRangeException(nameof(machine), machine, "not a machine"),
    };

    /// <summary>What the tests need to know about one table, with the generic types erased to names.</summary>
    private sealed record TableFacts(
        string Name,
        string Initial,
        IReadOnlyList<string> States,
        IReadOnlyList<string> TerminalStates,
        IReadOnlyList<(string From, string To)> Rows,
        IReadOnlyList<string> StatesWithoutRows,
        IReadOnlyList<string> FireFailures,
        int Outcomes)
    {
        public static TableFacts Of<TState, TTrigger, TEffect, TContext>(MachineTable<TState, TTrigger, TEffect, TContext> table)
            where TState : struct, Enum
            where TTrigger : struct, Enum
            where TEffect : struct, Enum
        {
            var failures = new List<string>();
            var outcomes = 0;
            foreach (var state in Enum.GetValues<TState>())
            {
                foreach (var trigger in Enum.GetValues<TTrigger>())
                {
                    try
                    {
                        var outcome = table.Fire(state, trigger, default!);
                        outcomes++;
                        if (!outcome.From.Equals(state) || !outcome.Trigger.Equals(trigger))
                        {
                            failures.Add($"{state} on {trigger}: outcome says {outcome.From} on {outcome.Trigger}");
                        }
                    }
                    catch (UnknownTransitionException)
                    {
                        // No row and no ignore rule: the documented answer for an unhandled pair.
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{state} on {trigger}: {e.GetType().Name}: {e.Message}");
                    }
                }
            }

            return new TableFacts(
                table.Name,
                table.Initial.ToString(),
                [.. table.States.Select(s => s.ToString())],
                [.. table.States.Where(table.IsTerminal).Select(s => s.ToString())],
                [.. table.Rows.Select(r => (r.From.ToString(), r.To.ToString()))],
                [.. table.States.Where(s => table.IsOccupied(s) && !table.IsTerminal(s) && !table.Lineage(s).Any(l => table.Rows.Any(r => r.From.Equals(l)))).Select(s => s.ToString())],
                failures,
                outcomes);
        }
    }
}
