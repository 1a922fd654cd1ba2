using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;

namespace Reconnect.Browser.Tests.Hosting;

/// <summary>
/// The harness's <see cref="NamespacedCallWorld"/> as a class fixture: a server that evicts a session silent for
/// <see cref="NamespacedCallWorld.SilenceGrace"/> past its heartbeat allowance, the world's Chromium, and a Chromium
/// inside a network namespace whose veth a test can cut. Without namespaces, nft or root every test using it fails,
/// saying why. The server gives a silent session its grace after the page's heartbeat allowance (the page pings every
/// <see cref="PagePingInterval"/>), so it evicts between <c>grace</c> and <c>grace + PagePingInterval</c> after a cut.
/// </summary>
public abstract class BothPlanesWorld(TimeSpan grace) : NamespacedCallWorld(grace), IAsyncLifetime
{
    /// <summary>How often the page's engine pings (its default <c>Heartbeat.PingInterval</c>): the allowance the server adds to its grace.</summary>
    public static readonly TimeSpan PagePingInterval = TimeSpan.FromSeconds(20);

    /// <summary>A call for the running test (see <see cref="TestCalls"/>).</summary>
    internal BrowserCall Call() => TestCalls.For(this);
}

/// <summary>A server with a 15 s grace: a 5 s outage (and the TCP retransmissions after it) stays well within it.</summary>
public sealed class WithinGraceWorld() : BothPlanesWorld(TimeSpan.FromSeconds(15));

/// <summary>A server with a 5 s grace: it evicts a silent session at most 25 s after a cut, well inside a 30 s outage.</summary>
public sealed class PastGraceWorld() : BothPlanesWorld(TimeSpan.FromSeconds(5));
