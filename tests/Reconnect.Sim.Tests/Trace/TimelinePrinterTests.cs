using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

public sealed class TimelinePrinterTests
{
    [Fact]
    public void Normal_timeline_hides_ignored_inputs_socket_retries_and_connection_builds()
    {
        const string expected =
            "    1.000s  B: peer-joined C\n" +
            "    1.200s  A: metadata-changed B [name=bob]\n" +
            "   10.000s  fault      A offline for 5.000s\n" +
            "   10.000s  A: joined -> reconnecting\n" +
            "   11.000s  A: reconnecting-visible after 1.000s\n" +
            "   11.500s  A: socket-attempt 2 (epoch 2)\n" +
            "   12.512s  A sees B: connected -> reconnecting\n" +
            "   12.900s  A: media-frozen B for 5.000s (conn 1)\n" +
            "   13.000s  A: ice-restart B attempt 1 (conn 1)\n" +
            "   14.000s  A: token-failing 3 in a row (timeout)\n" +
            "   14.100s  B: token-refresh-failed 1 in a row (timeout), retry in 1.000s\n" +
            "   14.200s  B: token-refresh-failed 2 in a row (timeout), no retry before expiry\n" +
            "   14.300s  B: token-refreshed, valid for 600.000s\n" +
            "   14.500s  A: still-reconnecting for 4.500s\n" +
            "   15.810s  A: data-channels-reset B (conn 2)\n" +
            "   15.843s  A: stream-added camB rebound (conn 2)\n" +
            "   15.900s  A: reconnecting-recovered after 5.900s\n" +
            "   15.900s  A: reconnecting -> joined\n" +
            "   15.990s  B: data-received A chat\n" +
            "   15.995s  B: media-failure-tolerated A add-ice-candidate (conn 3): unknown m-line\n" +
            "   16.000s  heal       A\n" +
            "   16.010s  B: peer-left C (left)\n" +
            "   16.010s  B: stream-removed camC\n" +
            "   16.200s  C: peer-away A (closed-by-server 4002)\n" +
            "   16.400s  C: peer-back A\n" +
            "   17.000s  B: error IceRestartExhausted: ICE restarts to C failed 3 times; that peer's connection was closed.\n" +
            "   17.000s  B: escalation-step C fresh-connection round 1 (a fresh connection (generation 2))\n" +
            "   17.500s  C: stream-added camA bound (conn 1)\n" +
            "   18.000s  invariant-violation C rosters-equal: roster differs with A\n";

        Assert.Equal(expected, new TimelinePrinter().Print(SampleTrace.Events));
    }

    [Fact]
    public void Verbose_timeline_shows_every_event_and_state_change_reasons()
    {
        const string expected =
            "    1.000s  B: peer-joined C\n" +
            "    1.200s  A: metadata-changed B [name=bob]\n" +
            "   10.000s  fault      A offline for 5.000s\n" +
            "   10.000s  A: joined -> reconnecting (signalling lost)\n" +
            "   10.001s  A: ignored timer Heartbeat (cancelled or superseded timer)\n" +
            "   10.250s  A: socket-retry 2 in 1.250s after code 1006\n" +
            "   11.000s  A: reconnecting-visible after 1.000s\n" +
            "   11.500s  A: socket-attempt 2 (epoch 2)\n" +
            "   12.512s  A sees B: connected -> reconnecting (ice disconnected)\n" +
            "   12.900s  A: media-frozen B for 5.000s (conn 1)\n" +
            "   13.000s  A: ice-restart B attempt 1 (conn 1)\n" +
            "   14.000s  A: token-failing 3 in a row (timeout)\n" +
            "   14.100s  B: token-refresh-failed 1 in a row (timeout), retry in 1.000s\n" +
            "   14.200s  B: token-refresh-failed 2 in a row (timeout), no retry before expiry\n" +
            "   14.300s  B: token-refreshed, valid for 600.000s\n" +
            "   14.500s  A: still-reconnecting for 4.500s\n" +
            "   15.800s  A: connection-built B (conn 2, ladder exhausted)\n" +
            "   15.810s  A: data-channels-reset B (conn 2)\n" +
            "   15.843s  A: stream-added camB rebound (conn 2)\n" +
            "   15.900s  A: reconnecting-recovered after 5.900s\n" +
            "   15.900s  A: reconnecting -> joined (welcomed)\n" +
            "   15.950s  A: data-send B chat (sent)\n" +
            "   15.990s  B: data-received A chat\n" +
            "   15.995s  B: media-failure-tolerated A add-ice-candidate (conn 3): unknown m-line\n" +
            "   16.000s  heal       A\n" +
            "   16.010s  B: peer-left C (left)\n" +
            "   16.010s  B: stream-removed camC\n" +
            "   16.200s  C: peer-away A (closed-by-server 4002)\n" +
            "   16.400s  C: peer-back A\n" +
            "   17.000s  B: error IceRestartExhausted: ICE restarts to C failed 3 times; that peer's connection was closed.\n" +
            "   17.000s  B: escalation-step C fresh-connection round 1 (a fresh connection (generation 2))\n" +
            "   17.500s  C: stream-added camA bound (conn 1)\n" +
            "   18.000s  invariant-violation C rosters-equal: roster differs with A\n";

        Assert.Equal(expected, new TimelinePrinter(TimelineVerbosity.Verbose).Print(SampleTrace.Events));
    }

    [Fact]
    public void Every_known_kind_in_the_sample_is_shown_verbosely()
    {
        var printer = new TimelinePrinter(TimelineVerbosity.Verbose);

        Assert.Equal(TraceEventKind.All.Order(StringComparer.Ordinal), SampleTrace.Events.Select(e => e.Event).Distinct().Order(StringComparer.Ordinal));
        Assert.All(SampleTrace.Events, e => Assert.True(printer.Shows(e), e.Event));
    }

    [Theory]
    [InlineData("*", null, null, null, null, null, null, "fault      *")]
    [InlineData("A", "partition", null, "B", null, null, 2_000L, "fault      A partition with B for 2.000s")]
    [InlineData("A", "server-close", null, null, 4001, null, null, "fault      A server-close code 4001")]
    [InlineData("A", "token-failures", null, null, null, 3, null, "fault      A token-failures count 3")]
    [InlineData("A", null, "liveness phase", null, null, null, null, "fault      A liveness phase")]
    [InlineData("A", "heal", "liveness phase", null, null, null, 0L, "fault      A heal: liveness phase for 0.000s")]
    public void A_fault_line_says_what_it_is_and_for_how_long(
        string peer, string? reason, string? detail, string? remote, int? code, int? count, long? durationMs, string expected)
    {
        var fault = new TraceEvent(0, peer, TraceEventKind.Fault)
        {
            Reason = reason,
            Detail = detail,
            Remote = remote,
            Code = code,
            Attempt = count,
            DelayMs = durationMs,
        };

        Assert.Equal("    0.000s  " + expected, new TimelinePrinter().FormatLine(fault));
    }

    [Fact]
    public void A_socket_retry_without_a_close_code_says_none()
    {
        var retry = new TraceEvent(250, "A", TraceEventKind.SocketRetry) { Attempt = 1, DelayMs = 250 };

        Assert.Equal("    0.250s  A: socket-retry 1 in 0.250s", new TimelinePrinter().FormatLine(retry));
    }

    [Fact]
    public void An_unknown_kind_prints_its_name_detail_and_reason()
    {
        var future = new TraceEvent(1_234_567, "A", "teleported") { Detail = "to Mars", Reason = "test" };

        Assert.Equal(" 1234.567s  A: teleported to Mars (test)", new TimelinePrinter().FormatLine(future));
    }

    [Theory]
    [InlineData(0L, "0.000")]
    [InlineData(5L, "0.005")]
    [InlineData(12_512L, "12.512")]
    [InlineData(-5L, "-0.005")]
    [InlineData(-1_500L, "-1.500")]
    [InlineData(long.MinValue, "-9223372036854775.808")]
    [InlineData(long.MaxValue, "9223372036854775.807")]
    public void Milliseconds_print_as_exact_seconds(long milliseconds, string expected)
    {
        Assert.Equal(expected, TraceTime.Seconds(milliseconds));
    }
}
