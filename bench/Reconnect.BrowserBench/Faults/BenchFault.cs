using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;

namespace Reconnect.BrowserBench.Faults;

/// <summary>
/// One fault of the bench: how the call it breaks is set up, how the fault is put on and how it is taken off. A new
/// fault is one more subclass, listed in <see cref="BenchFaults.All"/>.
/// </summary>
internal abstract class BenchFault
{
    /// <summary>The fault's name in the table and on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>What the fault breaks, for the report.</summary>
    public abstract string Description { get; }

    /// <summary>How long the fault stays on before it is removed.</summary>
    public abstract TimeSpan Length { get; }

    /// <summary>
    /// The world the fault's calls run in: null for the bench's shared one (everything on loopback); a grace for a world
    /// with a network namespace whose server evicts a silent session after that grace (see <see cref="BenchWorlds"/>).
    /// </summary>
    public virtual TimeSpan? NamespacedWorldGrace => null;

    /// <summary>Whether the server evicts the first page's session during the fault (it rejoins): the other's peer-left for that session is expected.</summary>
    public virtual bool EvictsFirstPage => false;

    /// <summary>Opens the call's two pages (relay-only, behind a proxy, or one inside a namespace, as the fault needs); each joins the room at once.</summary>
    public virtual Task<CallPage[]> JoinAsync(CallWorld world, BrowserCall call, string[] names)
    {
        ArgumentNullException.ThrowIfNull(call);
        return call.JoinAllAsync(relay: false, signal: null, names);
    }

    /// <summary>Puts the fault on the connected call.</summary>
    public abstract Task StartAsync(FaultRun run);

    /// <summary>Takes the fault off; the time to heal counts from when this returns.</summary>
    public abstract Task EndAsync(FaultRun run);
}
