using Reconnect.Server.Auth;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>A live server under 100,000 fuzzed frames keeps serving: documented closes only, no leaked session, the steady peer undisturbed.</summary>
public sealed class LiveServerFuzzTests
{
    private const long Frames = 100_000;

    [Fact]
    public async Task A_live_server_survives_fuzzed_frames_with_documented_closes_no_leaks_and_an_undisturbed_peer()
    {
        var seed = FuzzSeed.FromEnvironment();
        await using var server = await LiveServer.StartAsync(
            ("MaxFramesPerSecond", "1000000"),
            ("SilenceGrace", "00:00:02"),
            ("MaxPingInterval", "00:00:01"));
        using var admin = new HttpClient { BaseAddress = server.BaseUri };
        admin.DefaultRequestHeaders.Add("X-Admin-Key", LiveServer.AdminKey);
        var target = new FuzzTarget(
            server.SignalUri,
            (account, channels) => Task.FromResult(server.Tokens.Issue(new TokenRequest(account, Channel: channels))),
            () => AdminPeers.ListAsync(admin));

        var report = await LiveFuzzCampaign.RunAsync(target, seed, Frames, workers: 6, oversizedBytes: 70_000, settle: TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        TestContext.Current.SendDiagnosticMessage(report.Summary());
        Assert.True(report.Problems.Count == 0, $"{report.Summary()}\n{string.Join("\n", report.Problems.Take(200))}");
        Assert.True(report.FramesSent >= Frames, report.Summary());
    }
}
