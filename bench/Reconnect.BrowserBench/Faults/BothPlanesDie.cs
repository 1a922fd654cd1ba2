using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Network;
using Reconnect.Browser.Harness.Pages;

namespace Reconnect.BrowserBench.Faults;

/// <summary>
/// Both planes die at once: the first page runs in a network namespace and every packet over its veth is dropped
/// (signalling and media alike) for the outage's length, then let through again. Within the server's grace the call
/// heals with no peer-left; past it the server evicts the page, which learns it on coming back and rejoins.
/// </summary>
internal sealed class BothPlanesDie(BothPlanesOutage outage) : BenchFault
{
    /// <summary>5 s, well within a 15 s grace (the server evicts between the grace and the grace plus the page's 20 s heartbeat allowance).</summary>
    public static readonly BothPlanesOutage WithinGrace = new("both-planes-5s", TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), Evicted: false);

    /// <summary>30 s, past a 5 s grace (eviction at most 25 s after the cut): the page is evicted and rejoins.</summary>
    public static readonly BothPlanesOutage PastGrace = new("both-planes-30s", TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), Evicted: true);

    private LinkOutage? _link;

    public override string Name => outage.Name;

    public override string Description => outage.Evicted
        ? $"one page's namespace link drops every packet for {outage.Length.TotalSeconds} s, past the server's {outage.Grace.TotalSeconds} s grace: evicted, it rejoins"
        : $"one page's namespace link drops every packet for {outage.Length.TotalSeconds} s, within the server's {outage.Grace.TotalSeconds} s grace";

    public override TimeSpan Length => outage.Length;

    public override TimeSpan? NamespacedWorldGrace => outage.Grace;

    public override bool EvictsFirstPage => outage.Evicted;

    public override Task<CallPage[]> JoinAsync(CallWorld world, BrowserCall call, string[] names)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(names);
        var inside = world as NamespacedCallWorld ?? throw new InvalidOperationException($"{Name} needs a namespaced world.");
        return call.JoinAllAsync((names[0], inside.Inside), (names[1], inside.Host));
    }

    public override Task StartAsync(FaultRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inside = run.World as NamespacedCallWorld ?? throw new InvalidOperationException($"{Name} needs a namespaced world.");
        _link = new LinkOutage(inside.Network);
        return _link.CutAsync();
    }

    public override async Task EndAsync(FaultRun run)
    {
        if (_link is { } link)
        {
            await link.DisposeAsync();
            _link = null;
        }
    }
}

/// <summary>A both-planes outage: its name, length, the grace of the server it runs against, and whether that evicts the page.</summary>
internal sealed record BothPlanesOutage(string Name, TimeSpan Length, TimeSpan Grace, bool Evicted);
