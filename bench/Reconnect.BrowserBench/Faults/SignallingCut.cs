using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.BrowserBench.Faults;

/// <summary>Every signalling connection reset by the TCP fault proxy in front of the server; the media path stays up. Removed at once.</summary>
internal sealed class SignallingCut : BenchFault
{
    private FaultProxy? _proxy;

    public override string Name => "signalling-cut";

    public override string Description => "both pages' signalling connections reset by a TCP proxy (RST), media untouched";

    public override TimeSpan Length => TimeSpan.Zero;

    public override Task<CallPage[]> JoinAsync(CallWorld world, BrowserCall call, string[] names)
    {
        ArgumentNullException.ThrowIfNull(call);
        _proxy = call.SignalProxy();
        return call.JoinAllAsync(relay: false, signal: _proxy, names);
    }

    public override Task StartAsync(FaultRun run)
    {
        (_proxy ?? throw new InvalidOperationException("The call was not joined through the proxy.")).CutAll(CutStyle.Reset);
        return Task.CompletedTask;
    }

    public override Task EndAsync(FaultRun run) => Task.CompletedTask;
}
