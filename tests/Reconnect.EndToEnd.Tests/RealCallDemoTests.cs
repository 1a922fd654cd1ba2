using System.Globalization;
using Reconnect.Samples.RealCall;
using Reconnect.Sim.Trace;

namespace Reconnect.EndToEnd.Tests;

public sealed class RealCallDemoTests
{
    [Fact]
    public async Task Demo_cuts_A_for_five_seconds_heals_exits_0_and_writes_the_trace()
    {
        var trace = Path.Combine(Path.GetTempPath(), $"realcall-{Guid.NewGuid():N}.jsonl");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            var code = await RealCallApp.RunAsync(["--trace", trace], output, output, LiveCall.Ct);

            Assert.True(code == 0, output.ToString());
            var text = output.ToString();
            Assert.Contains("A: joined -> reconnecting", text, StringComparison.Ordinal);
            Assert.Contains("fault      A cut for 5.000s", text, StringComparison.Ordinal);
            using var reader = new StringReader(await File.ReadAllTextAsync(trace, LiveCall.Ct));
            var events = TraceReader.ReadJsonLines(reader);
            Assert.Contains(events, e => e is { Peer: "A", Event: TraceEventKind.StateChange, To: "reconnecting" });
            Assert.Contains(events, e => e.Event == TraceEventKind.Heal);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [Fact]
    public async Task Demo_refuses_an_unknown_argument_with_exit_code_2()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(2, await RealCallApp.RunAsync(["--bogus"], output, output, LiveCall.Ct));
        Assert.Contains("Unknown argument '--bogus'", output.ToString(), StringComparison.Ordinal);
    }
}
