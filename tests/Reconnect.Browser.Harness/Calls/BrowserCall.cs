using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;
using Reconnect.Browser.Harness.Traces;
using Reconnect.Testing.Trace;
using Reconnect.TestSupport.Proxy;

namespace Reconnect.Browser.Harness.Calls;

/// <summary>
/// One call (a test's, or one run of a bench): pages in a room of its own on the shared <see cref="CallWorld"/>, the waits that poll them
/// (never a fixed sleep: each wait has a deadline and fails with every page's state and event log) and the checks
/// every browser test ends with (<see cref="FinishAsync"/>): each page's trace saved to
/// <c>TestResults/browser/TEST-PAGE.jsonl</c>, the page's own violations empty and the simulator's invariant checker
/// clean over the saved trace.
/// </summary>
public sealed class BrowserCall : IAsyncDisposable
{
    /// <summary>How many more frames each side must decode to count as video flowing (the fake camera sends about 30 a second).</summary>
    public const int FramesThatShowFlow = 15;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private readonly CallWorld _world;
    private readonly string _test;
    private readonly Action<string> _log;
    private readonly CancellationToken _cancellationToken;
    private readonly List<CallPage> _pages = [];
    private readonly List<FaultProxy> _proxies = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _departed = new(StringComparer.Ordinal);
    private readonly List<ClosedTab> _closedTabs = [];
    private readonly HashSet<string> _evicted = new(StringComparer.Ordinal);
    private bool _saved;

    /// <summary>
    /// A call named <paramref name="name"/> (<c>Group.Case</c>: the room is named after the group, the saved traces after
    /// the whole name) on <paramref name="world"/>; progress goes to <paramref name="log"/>.
    /// </summary>
    public BrowserCall(CallWorld world, string name, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        _world = world;
        _test = name;
        _log = log;
        _cancellationToken = cancellationToken;
        Room = $"{name.Split('.')[0]}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }

    /// <summary>The room every page of this call joins.</summary>
    public string Room { get; }

    /// <summary>The reconnect policy every page of this call runs (the page's <c>policy</c> query); null for the page's default.</summary>
    public string? Policy { get; init; }

    /// <summary>How long each page may take to become ready (a loaded machine starts WebAssembly slowly).</summary>
    public TimeSpan StartPatience { get; init; } = CallPage.StartPatience;

    public IReadOnlyList<CallPage> Pages => _pages;

    /// <summary>A TCP fault proxy in front of the server's signalling, for a page to join through (<see cref="JoinAsync"/>).</summary>
    public FaultProxy SignalProxy()
    {
        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Loopback, _world.Server.Port));
        _proxies.Add(proxy);
        return proxy;
    }

    /// <summary>Opens a page named <paramref name="name"/> that joins the room at once, relay-only and through a proxy when asked.</summary>
    public async Task<CallPage> JoinAsync(string name, bool relay = false, FaultProxy? signal = null)
    {
        var page = await OpenAsync(name, relay, signal);
        _pages.Add(page);
        return page;
    }

    /// <summary>Opens a page per (name, host) at once, each joining the room as <see cref="JoinAsync"/> does (not relay-only, signalling direct).</summary>
    public async Task<CallPage[]> JoinAllAsync(params (string Name, PageHost Host)[] pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var clock = Stopwatch.StartNew();
        var opened = await Task.WhenAll(pages.Select(p => OpenAsync(p.Name, relay: false, signal: null, p.Host)));
        _log($"{pages.Length} pages ready after {clock.ElapsedMilliseconds} ms");
        _pages.AddRange(opened);
        return opened;
    }

    private Task<CallPage> OpenAsync(string name, bool relay, FaultProxy? signal) => OpenAsync(name, relay, signal, _world.Host);

    private async Task<CallPage> OpenAsync(string name, bool relay, FaultProxy? signal, PageHost host)
    {
        var query = new StringBuilder($"?room={Uri.EscapeDataString(Room)}&name={Uri.EscapeDataString(name)}&autojoin=1");
        if (relay)
        {
            query.Append("&relay=1");
        }

        if (Policy is not null)
        {
            query.Append("&policy=").Append(Uri.EscapeDataString(Policy));
        }

        if (signal is not null)
        {
            query.Append("&signal=").Append(Uri.EscapeDataString(CallPageServer.SignalUri(signal.EndPoint).ToString()));
        }

        var context = await host.Browser.NewContextAsync();
        return await CallPage.OpenAsync(name, context, new Uri(host.PageUri, "/" + query), _log, StartPatience);
    }

    /// <summary>Opens a page per name at once (the WebAssembly start is the slow part), each joining the room as <see cref="JoinAsync"/> does
    /// (relay-only and through <paramref name="signal"/> when asked).</summary>
    public async Task<CallPage[]> JoinAllAsync(bool relay, FaultProxy? signal, params string[] names)
    {
        var clock = Stopwatch.StartNew();
        var opening = names.Select(name => OpenAsync(name, relay, signal)).ToList();
        var pages = await Task.WhenAll(opening);
        _log($"{names.Length} pages ready after {clock.ElapsedMilliseconds} ms");
        _pages.AddRange(pages);
        return pages;
    }

    /// <summary>The peer id the server gave <paramref name="page"/> (known once it joined).</summary>
    public string IdOf(CallPage page) => _ids.TryGetValue(page.Name, out var id) ? id : throw new InvalidOperationException($"{page.Name} has not joined.");

    /// <summary>Waits until every page is joined and sees every other connected with a stream, and video flows between all.</summary>
    public async Task ConnectedAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        await UntilAsync("every page joined", within, async () =>
        {
            foreach (var page in _pages)
            {
                if (await page.LocalStateAsync() != "joined" || await page.LocalPeerIdAsync() is not { } id)
                {
                    return false;
                }

                _ids[page.Name] = id;
            }

            return true;
        });
        _log($"every page joined after {clock.ElapsedMilliseconds} ms");
        await UntilAsync("every page sees every other connected with a stream", within, EveryPairConnectedAsync);
        _log($"every pair connected after {clock.ElapsedMilliseconds} ms");
        await MediaFlowsAsync(within);
        _log($"video flowing every way after {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>Waits until every page is joined again and sees every other connected with a stream (no media check).</summary>
    public async Task HealedAsync(TimeSpan within)
    {
        await UntilAsync("every page joined again", within, async () =>
        {
            foreach (var page in _pages)
            {
                if (await page.LocalStateAsync() != "joined")
                {
                    return false;
                }
            }

            return true;
        });
        await UntilAsync("every page sees every other connected again with a stream", within, EveryPairConnectedAsync);
    }

    /// <summary>Whether, right now, every page is joined and sees every other connected with a stream (one reading of <see cref="HealedAsync"/>).</summary>
    public async Task<bool> IsWholeAsync()
    {
        foreach (var page in _pages)
        {
            if (await page.LocalStateAsync() != "joined")
            {
                return false;
            }
        }

        return await EveryPairConnectedAsync();
    }

    /// <summary>
    /// Waits until every page has decoded (getStats) and presented (its video elements) <see cref="FramesThatShowFlow"/>
    /// more frames from every other page. A count that falls between two readings started again from zero (Chromium
    /// resets a connection's inbound stats when it rebuilds its transport; a rebuilt connection counts anew): what it
    /// counts since is added. A failure names first each (page, remote) whose video did not flow, with what it gained.
    /// </summary>
    public async Task MediaFlowsAsync(TimeSpan within)
    {
        var last = await FramesAsync();
        var start = last;
        var gained = last.Keys.ToDictionary(k => k, _ => (Decoded: 0L, Presented: 0L));
        try
        {
            await UntilAsync($"every page decoded and showed {FramesThatShowFlow} more frames from every other", within, async () =>
            {
                var now = await FramesAsync();
                foreach (var (key, was) in last)
                {
                    var reading = now.GetValueOrDefault(key);
                    gained[key] = (gained[key].Decoded + Gain(was.Decoded, reading.Decoded), gained[key].Presented + Gain(was.Presented, reading.Presented));
                }

                last = now;
                return gained.Values.All(g => g.Decoded >= FramesThatShowFlow && g.Presented >= FramesThatShowFlow);
            });
        }
        catch (CallCheckException ex)
        {
            var stuck = gained.Where(g => g.Value.Decoded < FramesThatShowFlow || g.Value.Presented < FramesThatShowFlow).Select(g =>
            {
                var what = g.Value.Decoded >= FramesThatShowFlow ? "decoded but not shown (frozen on screen)" : "too few frames decoded";
                var (from, to) = (start[g.Key], last.GetValueOrDefault(g.Key));
                return $"{g.Key.Page} from {g.Key.Remote}: {what}: {g.Value.Decoded} decoded ({from.Decoded} -> {to.Decoded}), {g.Value.Presented} shown ({from.Presented} -> {to.Presented})";
            });
            throw new CallCheckException($"video did not flow:\n{string.Join("\n", stuck)}\n{ex.Message}");
        }
    }

    /// <summary>What a frame count gained between two readings: a count that fell started again from zero.</summary>
    private static long Gain(long was, long now) => now >= was ? now - was : now;

    /// <summary>Every page's view of every remote peer, by (page name, remote peer id).</summary>
    public async Task<IReadOnlyDictionary<(string Page, string Remote), PageRemotePeer>> IdentityAsync()
    {
        var views = new Dictionary<(string, string), PageRemotePeer>();
        foreach (var page in _pages)
        {
            foreach (var remote in await page.RemotePeersAsync())
            {
                views[(page.Name, remote.Id)] = remote;
            }
        }

        return views;
    }

    /// <summary>How many trace lines each page has written: what a later <see cref="TraceSinceAsync"/> leaves out.</summary>
    public async Task<IReadOnlyDictionary<string, int>> TraceMarkAsync()
    {
        var mark = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in _pages)
        {
            mark[page.Name] = (await page.TraceLinesAsync()).Count;
        }

        return mark;
    }

    /// <summary>The trace events <paramref name="page"/> wrote since <paramref name="mark"/>.</summary>
    public static async Task<IReadOnlyList<TraceEvent>> TraceSinceAsync(CallPage page, IReadOnlyDictionary<string, int> mark) =>
        [.. (await page.TraceAsync()).Skip(mark.GetValueOrDefault(page.Name))];

    /// <summary>Takes note that <paramref name="page"/> leaves the room for good: the others' peer-left for it is expected.</summary>
    public void Departs(CallPage page) => _departed.Add(IdOf(page));

    /// <summary>
    /// Closes <paramref name="page"/>'s tab as a user does, without Leave (<see cref="CallPage.CloseTabAsync"/>): it
    /// departs, its trace so far and its violations are kept for <see cref="FinishAsync"/>, and it is no page of the call
    /// any more.
    /// </summary>
    public async Task CloseTabAsync(CallPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        Departs(page);
        _closedTabs.Add(new ClosedTab(page, await SaveTraceAsync(page), await page.ViolationsAsync()));
        _pages.Remove(page);
        await page.CloseTabAsync();
    }

    /// <summary>
    /// Takes note that the server will evict <paramref name="page"/>'s present session (silent past its grace) while
    /// the page stays in the call: the others' peer-left for that session, and for no other of the page's, is expected.
    /// The session is the one every other page knows the page by now (its last peer-joined for it).
    /// </summary>
    public async Task ExpectEvictionAsync(CallPage page)
    {
        var id = IdOf(page);
        foreach (var other in _pages.Where(p => p != page))
        {
            var joined = (await other.TraceAsync()).LastOrDefault(e => e.Event == TraceEventKind.PeerJoined && e.Remote == id)
                ?? throw new InvalidOperationException($"{other.Name} never saw {page.Name} ({id}) join.");
            _evicted.Add(TraceNotices.SessionOf(joined));
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; past <paramref name="within"/>, throws <see cref="CallCheckException"/> with every page's state and event log.</summary>
    public async Task UntilAsync(string what, TimeSpan within, Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new CallCheckException($"{_test}: not {what} within {within.TotalSeconds} s.\n{await DescribeAsync()}");
            }

            await Task.Delay(Poll, _cancellationToken);
        }
    }

    /// <summary>
    /// The checks every test ends with: each page's trace saved, its own invariant violations empty, the simulator's
    /// invariant checker clean over the saved trace, and no peer-left but for the pages that departed and the sessions
    /// the server ended (<see cref="ExpectEvictionAsync"/>).
    /// </summary>
    public async Task FinishAsync()
    {
        var problems = new List<string>();
        foreach (var page in _pages)
        {
            await CheckAsync(page.Name, await SaveTraceAsync(page), await page.ViolationsAsync(), problems);
        }

        foreach (var tab in _closedTabs)
        {
            await CheckAsync(tab.Page.Name, tab.TracePath, tab.Violations, problems);
        }

        _saved = true;
        if (problems.Count > 0)
        {
            throw new CallCheckException($"{_test}:\n{string.Join("\n", problems)}\n{await DescribeAsync()}");
        }
    }

    private async Task CheckAsync(string name, string path, IReadOnlyList<string> violations, List<string> problems)
    {
        var trace = TraceReader.ReadJsonLines(new StringReader(await File.ReadAllTextAsync(path, _cancellationToken)));
        problems.AddRange(violations.Select(v => $"{name} (page): {v}"));
        problems.AddRange(TraceInvariants.Check(trace, _departed, _evicted).Select(v => $"{name} (replay of {path}): {v}"));
        var sessions = trace.Where(e => e.Event == TraceEventKind.PeerJoined).ToDictionary(e => e.Ref ?? 0, TraceNotices.SessionOf);
        problems.AddRange(trace
            .Where(e => e.Event == TraceEventKind.PeerLeft && !_departed.Contains(e.Remote ?? string.Empty) && !_evicted.Contains(sessions.GetValueOrDefault(e.Ref ?? 0) ?? string.Empty))
            .Select(e => string.Create(CultureInfo.InvariantCulture, $"{name}: unexpected peer-left for {e.Remote} ({e.Reason}) at t={e.T}ms")));
    }

    /// <summary>Every page's local state, remote peers, media stats, event log and console: what a failure shows.</summary>
    public async Task<string> DescribeAsync()
    {
        var text = new StringBuilder();
        foreach (var page in _pages)
        {
            text.Append(CultureInfo.InvariantCulture, $"--- {page.Name} ({_ids.GetValueOrDefault(page.Name) ?? "no id"})\n");
            try
            {
                text.Append(CultureInfo.InvariantCulture, $"local state: {await page.LocalStateAsync()}\n");
                text.Append(CultureInfo.InvariantCulture, $"remote peers: {string.Join("; ", await page.RemotePeersAsync())}\n");
                text.Append(CultureInfo.InvariantCulture, $"stats: {string.Join("; ", (await page.StatsAsync()).Select(s => $"{s.Key}: {s.Value}"))}\n");
                text.Append(CultureInfo.InvariantCulture, $"videos: {string.Join("; ", (await page.VideosAsync()).Select(v => $"{v.Key}: {string.Join(", ", v.Value)}"))}\n");
                text.Append(CultureInfo.InvariantCulture, $"event log:\n{await page.EventLogAsync()}\n");
            }
            catch (Exception ex) when (ex is Microsoft.Playwright.PlaywrightException or FormatException or System.Text.Json.JsonException)
            {
                text.Append(CultureInfo.InvariantCulture, $"(the page did not answer: {ex.Message})\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"console:\n{page.Console()}\n");
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
        {
            if (!_saved)
            {
                await SaveTraceQuietlyAsync(page);
            }

            await page.DisposeAsync();
        }

        foreach (var tab in _closedTabs)
        {
            await tab.Page.DisposeAsync();
        }

        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
    }

    private async Task<bool> EveryPairConnectedAsync()
    {
        var live = _pages.Where(p => !_departed.Contains(_ids.GetValueOrDefault(p.Name) ?? string.Empty)).ToList();
        foreach (var page in live)
        {
            var remotes = await page.RemotePeersAsync();
            foreach (var other in live.Where(o => o != page))
            {
                var id = IdOf(other);
                if (!remotes.Any(r => r.Id == id && r.State == "connected" && r.Streams.Count > 0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Frames decoded and presented so far, by (page, remote peer id), over every pair of live pages.</summary>
    public async Task<Dictionary<(string Page, string Remote), (long Decoded, long Presented)>> FramesAsync()
    {
        var frames = new Dictionary<(string, string), (long, long)>();
        var live = _pages.Where(p => !_departed.Contains(_ids.GetValueOrDefault(p.Name) ?? string.Empty)).ToList();
        foreach (var page in live)
        {
            var stats = await page.StatsAsync();
            var videos = await page.VideosAsync();
            foreach (var other in live.Where(o => o != page))
            {
                var id = IdOf(other);
                frames[(page.Name, id)] = (
                    stats.TryGetValue(id, out var s) ? s.FramesDecoded ?? 0 : 0,
                    videos.TryGetValue(id, out var v) ? v.Sum(e => e.PresentedFrames) : 0);
            }
        }

        return frames;
    }

    private async Task<string> SaveTraceAsync(CallPage page)
    {
        var path = Path.Combine(RepositoryPaths.Results, $"{_test}-{page.Name}.jsonl");
        var lines = await page.TraceLinesAsync();
        await File.WriteAllTextAsync(path, string.Concat(lines.Select(l => l + "\n")), _cancellationToken);
        return path;
    }

    /// <summary>Saves what a failed test's page traced, if the page still answers: the failure is the test's, not this.</summary>
    private async Task SaveTraceQuietlyAsync(CallPage page)
    {
        try
        {
            await SaveTraceAsync(page);
        }
        catch (Exception ex) when (ex is Microsoft.Playwright.PlaywrightException or IOException or OperationCanceledException)
        {
            _log($"{page.Name}: trace not saved: {ex.Message}");
        }
    }

    /// <summary>A page whose tab was closed: its trace as saved just before, and its violations then.</summary>
    private sealed record ClosedTab(CallPage Page, string TracePath, IReadOnlyList<string> Violations);
}
