using System.Text.Json;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Infrastructure;

/// <summary>
/// The shared Chromium's flags and the coturn fixture as WebRTC sees them, without the call page: what every call
/// test relies on (a host candidate on 127.0.0.1, not an mDNS name; a relay candidate from coturn with its credentials).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ChromiumTests(BrowserWorld world)
{
    private const string Gather = """
        async ({ url, username, credential }) => {
          const pc = new RTCPeerConnection({ iceServers: [{ urls: url, username, credential }] });
          pc.createDataChannel("probe");
          const found = [];
          const done = new Promise(resolve => {
            pc.onicecandidate = e => e.candidate ? found.push(e.candidate.type + " " + e.candidate.address) : resolve();
            setTimeout(resolve, 15000);
          });
          await pc.setLocalDescription(await pc.createOffer());
          await done;
          pc.close();
          return JSON.stringify(found);
        }
        """;

    [Fact]
    public async Task Chromium_gathers_a_loopback_host_candidate_and_a_relay_candidate_from_coturn()
    {
        var context = await world.Chromium.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            var json = await page.EvaluateAsync<string>(Gather, new { url = world.Turn.Url, username = TurnServer.Username, credential = TurnServer.Credential });
            var candidates = JsonSerializer.Deserialize<string[]>(json) ?? [];

            Assert.True(candidates.Contains("host 127.0.0.1"), $"no host candidate on 127.0.0.1: {json}");
            Assert.True(candidates.Contains("relay 127.0.0.1"), $"no relay candidate from coturn on 127.0.0.1: {json}\ncoturn:\n{world.Turn.Log()}");
            Assert.DoesNotContain(candidates, c => c.EndsWith(".local", StringComparison.Ordinal));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
