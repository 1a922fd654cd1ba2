using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;

namespace Reconnect.BrowserBench.Faults;

/// <summary>A relay-only call whose TURN server (coturn) is killed for 12 s and started again: the media path dies, signalling stays up.</summary>
internal sealed class MediaPathDies : BenchFault
{
    public override string Name => "media-path";

    public override string Description => "relay-only call, coturn killed for 12 s and started again (allocations lost), signalling untouched";

    public override TimeSpan Length => TimeSpan.FromSeconds(12);

    public override Task<CallPage[]> JoinAsync(CallWorld world, BrowserCall call, string[] names)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.JoinAllAsync(relay: true, signal: null, names);
    }

    public override Task StartAsync(FaultRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.World.Turn.StopAsync();
    }

    public override Task EndAsync(FaultRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.World.Turn.StartAgainAsync(run.Cancel);
    }
}
