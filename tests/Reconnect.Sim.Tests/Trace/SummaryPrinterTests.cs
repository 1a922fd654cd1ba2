using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

public sealed class SummaryPrinterTests
{
    [Fact]
    public void Summary_counts_per_peer_and_times_each_heal_from_the_fault_end()
    {
        const string expected =
            "peer A: state changes 2, reconnects 1, ice restarts 1, peer-left 0, errors none\n" +
            "peer B: state changes 0, reconnects 0, ice restarts 0, peer-left 1, errors IceRestartExhausted=1\n" +
            "peer C: state changes 0, reconnects 0, ice restarts 0, peer-left 0, errors none\n" +
            "fault A offline at 10.000s for 5.000s: healed 1.000s after it ended\n";

        Assert.Equal(expected, SummaryPrinter.Print(SampleTrace.Events));
    }

    [Fact]
    public void Errors_are_counted_by_type_in_ordinal_order()
    {
        TraceEvent[] events =
        [
            new(1, "A", TraceEventKind.Error) { Reason = "MediaError" },
            new(2, "A", TraceEventKind.Error) { Reason = "IceRestartExhausted" },
            new(3, "A", TraceEventKind.Error) { Reason = "MediaError" },
        ];

        var summary = TraceSummary.From(events);

        Assert.Equal([new ErrorCount("IceRestartExhausted", 1), new ErrorCount("MediaError", 2)], summary.Peers.Single().Errors);
    }

    [Fact]
    public void Only_a_later_heal_of_the_same_peer_at_or_after_the_fault_end_counts()
    {
        TraceEvent[] events =
        [
            new(0, "A", TraceEventKind.Heal),
            new(1_000, "A", TraceEventKind.Fault) { Reason = "offline", DelayMs = 2_000 },
            new(2_000, "A", TraceEventKind.Heal),
            new(3_500, "B", TraceEventKind.Heal),
            new(4_250, "A", TraceEventKind.Heal),
            new(5_000, "A", TraceEventKind.Heal),
        ];

        var fault = TraceSummary.From(events).Faults.Single();

        Assert.Equal(new FaultHeal("A", "offline", 1_000, 3_000, 1_250), fault);
    }

    [Fact]
    public void A_fault_without_a_duration_ends_when_it_starts()
    {
        TraceEvent[] events =
        [
            new(1_000, "A", TraceEventKind.Fault) { Reason = "server-restart", Code = 1012 },
            new(1_000, "A", TraceEventKind.Heal),
        ];

        Assert.Equal(
            "peer A: state changes 0, reconnects 0, ice restarts 0, peer-left 0, errors none\n" +
            "fault A server-restart code 1012 at 1.000s: healed 0.000s after it ended\n",
            SummaryPrinter.Print(events));
    }

    [Fact]
    public void An_instant_fault_with_no_heal_after_it_says_so_without_calling_it_unhealed()
    {
        TraceEvent[] events =
        [
            new(1_200, TraceEvent.WorldPeer, TraceEventKind.Heal),
            new(2_000, "B", TraceEventKind.Fault) { Reason = "token-failures", Attempt = 2 },
        ];

        Assert.EndsWith("fault B token-failures count 2 at 2.000s: no heal after it\n", SummaryPrinter.Print(events), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_with_no_heal_after_it_says_not_healed()
    {
        TraceEvent[] events =
        [
            new(1_000, "B", TraceEventKind.Fault) { DelayMs = 500 },
            new(1_200, "B", TraceEventKind.Heal),
        ];

        Assert.EndsWith("fault B at 1.000s for 0.500s: not healed\n", SummaryPrinter.Print(events), StringComparison.Ordinal);
        Assert.Null(TraceSummary.From(events).Faults.Single().HealedAfterMs);
    }

    [Fact]
    public void A_heal_of_the_whole_world_heals_every_earlier_fault_and_the_world_gets_no_peer_line()
    {
        TraceEvent[] events =
        [
            new(1_000, "A", TraceEventKind.Fault) { Reason = "offline", DelayMs = 1_000 },
            new(1_500, "B", TraceEventKind.Fault) { Reason = "partition", Remote = "C", DelayMs = 2_000 },
            new(4_000, TraceEvent.WorldPeer, TraceEventKind.Heal) { Detail = "converged" },
        ];

        Assert.Equal(
            "peer A: state changes 0, reconnects 0, ice restarts 0, peer-left 0, errors none\n" +
            "peer B: state changes 0, reconnects 0, ice restarts 0, peer-left 0, errors none\n" +
            "fault A offline at 1.000s for 1.000s: healed 2.000s after it ended\n" +
            "fault B partition with C at 1.500s for 2.000s: healed 0.500s after it ended\n",
            SummaryPrinter.Print(events));
    }
}
