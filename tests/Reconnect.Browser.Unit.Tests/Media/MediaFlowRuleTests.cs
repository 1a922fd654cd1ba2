using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser;
using Reconnect.Core.Engine;

namespace Reconnect.Browser.Unit.Tests.Media;

/// <summary>
/// A getStats() sample as reconnect-media.js writes it becomes the engine's media-flow report: frames decoded (never the
/// frames received: frames that arrive but are not decoded are frozen video) and bytes received, for that connection.
/// </summary>
public sealed class MediaFlowRuleTests
{
    [Fact]
    public void Any_sample_the_module_writes_reports_its_frames_decoded_and_bytes_received()
    {
        var counter = Gen.Choose(0, int.MaxValue).Select(n => (long)n * 3);
        var counters = Gen.ArrayOf(counter, 5);
        var states = Gen.Elements("new", "checking", "connected", "disconnected", "failed");
        var candidates = Gen.Elements<string?>(null, "host", "srflx", "relay");
        Prop.ForAll(Gen.Zip(counters, Gen.Zip(states, candidates)).ToArbitrary(), sample =>
            {
                var (c, (state, candidate)) = sample;
                var json = string.Create(CultureInfo.InvariantCulture, $$"""
                    {"framesDecoded":{{c[0]}},"framesReceived":{{c[1]}},"bytesReceived":{{c[2]}},"framesSent":{{c[3]}},"bytesSent":{{c[4]}},
                     "iceConnectionState":"{{state}}","connectionState":"{{state}}","selectedCandidateType":{{(candidate is null ? "null" : $"\"{candidate}\"")}}}
                    """);

                var read = JsonSerializer.Deserialize(json, PageJsonContext.Default.MediaStatsJson)!;

                Assert.Equal(new MediaFlowReported("p-bob", 3, c[0], c[2]), read.FlowOf("p-bob", 3));
                Assert.Equal((c[1], c[3], c[4], state, candidate), (read.FramesReceived, read.FramesSent, read.BytesSent, read.ConnectionState, read.SelectedCandidateType));
            })
            .QuickCheckThrowOnFailure();
    }
}
