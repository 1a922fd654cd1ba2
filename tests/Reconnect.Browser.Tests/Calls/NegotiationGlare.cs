using System.Diagnostics;
using Reconnect.Browser.Harness.Calls;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;
using Reconnect.Testing.Trace;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.Browser.Tests.Calls;

/// <summary>
/// Forces negotiation glare between two relay-only pages that signal through one fault proxy: the proxy holds every
/// signalling byte and coturn goes away, so both pages see the other reconnecting and their ICE restart ladders make a
/// restart offer each; once both have applied their own offer (have-local-offer) the proxy lets the held bytes go and
/// coturn comes back: each offer reaches a side with its own offer pending. The impolite page then reports the polite
/// page's offer ignored (it keeps its own) and the polite page rolls its offer back to answer.
/// </summary>
internal static class NegotiationGlare
{
    /// <summary>How many times the glare is forced before the test gives up.</summary>
    public const int Tries = 5;

    /// <summary>The word the impolite side's ignore notice starts with when a remote offer collides with its own.</summary>
    private const string GlareReason = "glare";

    /// <summary>The page trace's kinds for an effect the engine had carried out and an input it handled (the page's EngineIoText).</summary>
    private const string Effect = "effect";
    private const string Input = "input";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>How long both restart offers may take: ICE consent finds the relay gone, then the disconnected grace runs out.</summary>
    private static readonly TimeSpan OfferPatience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealPatience = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Forces glare (at most <see cref="Tries"/> times, the call healed between two) and returns what showed it: the
    /// impolite page's glare notices since the forcing. Throws <see cref="CallCheckException"/> when no try made glare.
    /// Coturn runs again when this returns or throws.
    /// </summary>
    public static async Task<IReadOnlyList<TraceEvent>> ForceAsync(BrowserCall call, FaultProxy signal, TurnServer turn, CallPage impolite, CallPage polite)
    {
        var politeId = call.IdOf(polite);
        var misses = new List<string>();
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            var mark = await call.TraceMarkAsync();
            var clock = Stopwatch.StartNew();
            signal.Fault = ProxyFault.Blackhole;
            try
            {
                await turn.StopAsync();
                await call.UntilAsync("both pages applied their own restart offer while the signalling is held", OfferPatience, async () =>
                    await AppliedOfferAsync(call, impolite, polite, mark) && await AppliedOfferAsync(call, polite, impolite, mark));
            }
            finally
            {
                signal.Fault = ProxyFault.Pass;
                if (!turn.IsRunning)
                {
                    await turn.StartAgainAsync(TestContext.Current.CancellationToken);
                }
            }

            Log($"try {attempt}: both pages applied their own restart offer {clock.ElapsedMilliseconds} ms after coturn stopped; signalling released, coturn back");
            var glare = await GlareSinceAsync(impolite, politeId, mark);
            var deadline = DateTimeOffset.UtcNow + Patience;
            while (glare.Count == 0 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
                glare = await GlareSinceAsync(impolite, politeId, mark);
            }

            if (glare.Count > 0)
            {
                Log($"try {attempt}: glare: {impolite.Name} kept its own offer {clock.ElapsedMilliseconds} ms after coturn stopped:\n{string.Join("\n", glare.Select(TraceJson.Format))}");
                return glare;
            }

            var since = await BrowserCall.TraceSinceAsync(impolite, mark);
            misses.Add($"try {attempt}: {impolite.Name} reported no glare within {Patience.TotalSeconds} s; its ignored inputs since:\n{CallAssert.Lines(since, TraceEventKind.Ignored)}");
            Log(misses[^1]);
            await call.HealedAsync(HealPatience);
        }

        throw new CallCheckException($"no glare in {Tries} tries:\n{string.Join("\n", misses)}\n{await call.DescribeAsync()}");
    }

    /// <summary>Whether <paramref name="page"/> has applied a local offer to <paramref name="other"/> since <paramref name="mark"/> (its connection was stable before).</summary>
    private static async Task<bool> AppliedOfferAsync(BrowserCall call, CallPage page, CallPage other, IReadOnlyDictionary<string, int> mark)
    {
        var id = call.IdOf(other);
        var since = await BrowserCall.TraceSinceAsync(page, mark);
        var offered = since.ToList().FindIndex(e => e is { Event: Effect, Detail: "CreateOffer" } && e.Remote == id);
        return offered >= 0 && since.Skip(offered).Any(e => e is { Event: Input, Detail: "LocalDescriptionApplied" } && e.Remote == id);
    }

    private static async Task<IReadOnlyList<TraceEvent>> GlareSinceAsync(CallPage impolite, string politeId, IReadOnlyDictionary<string, int> mark) =>
        [.. (await BrowserCall.TraceSinceAsync(impolite, mark)).Where(e =>
            e.Event == TraceEventKind.Ignored && e.Detail == $"offer from {politeId}" && e.Reason?.StartsWith(GlareReason, StringComparison.Ordinal) == true)];

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
