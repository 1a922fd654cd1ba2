using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;

namespace Reconnect.BrowserBench.Faults;

/// <summary>What a fault acts on in one run: the shared world, the call and its pages (the first is the one a one-sided fault hits).</summary>
internal sealed record FaultRun(CallWorld World, BrowserCall Call, IReadOnlyList<CallPage> Pages, CancellationToken Cancel);
