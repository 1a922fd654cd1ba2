using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;

namespace Reconnect.Browser.Tests.Hosting;

/// <summary>
/// The harness's <see cref="CallWorld"/> as the collection's fixture: started once before the first browser test;
/// if it cannot start, every test of the collection fails with the reason.
/// </summary>
public sealed class BrowserWorld : CallWorld, IAsyncLifetime
{
    /// <summary>A call for the running test: named after its class and method, logging to its output, cancelled with it.</summary>
    internal BrowserCall Call() => TestCalls.For(this);
}

/// <summary>The browser tests run one after another on one <see cref="BrowserWorld"/>: their faults (coturn stopped) touch every page.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserWorld>
{
    public const string Name = "browser";
}
