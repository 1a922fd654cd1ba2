using System.Globalization;
using System.Text.RegularExpressions;
using Reconnect.Samples.RealCall;
using Reconnect.Testing.Trace;

namespace Reconnect.EndToEnd.Tests;

public sealed class RealCallDemoTests
{
    [Fact]
    public async Task Demo_takes_A_offline_for_five_seconds_rebuilds_the_media_heals_exits_0_and_writes_the_trace()
    {
        var trace = Path.Combine(Path.GetTempPath(), $"realcall-{Guid.NewGuid():N}.jsonl");
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            var code = await RealCallApp.RunAsync(["--trace", trace], output, output, LiveCall.Ct);

            var text = output.ToString();
            Assert.True(code == 0, text);
            Assert.Contains("fault      A offline for 5.000s", text, StringComparison.Ordinal);
            Assert.Contains("A: joined -> reconnecting", text, StringComparison.Ordinal);
            Assert.Contains("A sees B: connected -> reconnecting", text, StringComparison.Ordinal);
            Assert.Contains("B sees A: connected -> reconnecting", text, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"A: stream-added camB (re)?bound \(conn ([2-9]|\d\d+)\)", RegexOptions.None, TimeSpan.FromSeconds(1)), text);
            Assert.Matches(new Regex(@"B: stream-added camA (re)?bound \(conn ([2-9]|\d\d+)\)", RegexOptions.None, TimeSpan.FromSeconds(1)), text);
            using var reader = new StringReader(await File.ReadAllTextAsync(trace, LiveCall.Ct));
            var events = TraceReader.ReadJsonLines(reader);
            Assert.Contains(events, e => e is { Peer: "A", Event: TraceEventKind.Fault, Reason: "offline", DelayMs: 5000 });
            Assert.Contains(events, e => e is { Peer: "A", Event: TraceEventKind.StateChange, From: "joined", To: "reconnecting" });
            Assert.Contains(events, e => e is { Peer: "A", Event: TraceEventKind.RemoteStateChange, Remote: "B", From: "connected", To: "reconnecting" });
            Assert.Contains(events, e => e is { Peer: "B", Event: TraceEventKind.RemoteStateChange, Remote: "A", From: "connected", To: "reconnecting" });
            Assert.Contains(events, e => e is { Peer: "A", Event: TraceEventKind.StreamAdded, Remote: "B", Stream: "camB", Conn: > 1 });
            Assert.Contains(events, e => e is { Peer: "B", Event: TraceEventKind.StreamAdded, Remote: "A", Stream: "camA", Conn: > 1 });
            Assert.Contains(events, e => e.Event == TraceEventKind.Heal);
        }
        finally
        {
            File.Delete(trace);
        }
    }

    [Fact]
    public async Task Demo_against_a_server_that_is_not_there_says_it_could_not_join_and_exits_1()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(1, await RealCallApp.RunAsync(["--server", $"http://127.0.0.1:{port}"], output, output, LiveCall.Ct));
        Assert.Contains($"could not join on http://127.0.0.1:{port}/", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_refuses_an_unknown_argument_with_exit_code_2()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);

        Assert.Equal(2, await RealCallApp.RunAsync(["--bogus"], output, output, LiveCall.Ct));
        Assert.Contains("Unknown argument '--bogus'", output.ToString(), StringComparison.Ordinal);
    }
}
