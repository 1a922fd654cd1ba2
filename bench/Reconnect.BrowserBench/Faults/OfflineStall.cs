namespace Reconnect.BrowserBench.Faults;

/// <summary>
/// The first page offline for 10 s (Chromium's offline emulation): its WebSocket stalls silently and fetches fail, while
/// WebRTC's UDP is untouched: a signalling stall, with the browser's <c>offline</c> and <c>online</c> events.
/// </summary>
internal sealed class OfflineStall : BenchFault
{
    public override string Name => "offline";

    public override string Description => "one page offline for 10 s (Chromium offline emulation: WebSocket stalls, UDP untouched, offline/online events fire)";

    public override TimeSpan Length => TimeSpan.FromSeconds(10);

    public override Task StartAsync(FaultRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Pages[0].SetOfflineAsync(true);
    }

    public override Task EndAsync(FaultRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Pages[0].SetOfflineAsync(false);
    }
}
