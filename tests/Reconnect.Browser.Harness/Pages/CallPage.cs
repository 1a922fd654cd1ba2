using System.Text.Json;
using Microsoft.Playwright;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Harness.Pages;

/// <summary>
/// One call page in a browser context of its own, read and driven through <c>window.reconnectCall</c> (the page's
/// test contract, in src/Reconnect.Browser/README.md): its states, remote peers, media stats, trace and invariant violations.
/// </summary>
public sealed class CallPage : IAsyncDisposable
{
    /// <summary>How long a page may take to become ready unless the call says otherwise (<see cref="Calls.BrowserCall.StartPatience"/>).</summary>
    public static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(45);
    /// <summary>What the page's start cost (for the test output): its resources and when it became ready.</summary>
    private const string StartCost = """
        () => {
          const resources = performance.getEntriesByType('resource');
          const kib = Math.round(resources.reduce((sum, e) => sum + e.decodedBodySize, 0) / 1024);
          const sent = Math.round(resources.reduce((sum, e) => sum + e.transferSize, 0) / 1024);
          return `ready ${Math.round(performance.now())} ms after navigation; ${resources.length} resources, ${kib} KiB (${sent} KiB on the wire), the last loaded at ${Math.round(Math.max(...resources.map(e => e.responseEnd)))} ms`;
        }
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly IBrowserContext _context;
    private readonly List<string> _console = [];

    private CallPage(string name, IBrowserContext context, IPage page)
    {
        Name = name;
        _context = context;
        Page = page;
        page.Console += (_, message) => Remember($"console.{message.Type}: {message.Text}");
        page.PageError += (_, error) => Remember($"page error: {error}");
    }

    /// <summary>The page's name in the test (its display name, and the name of its saved trace).</summary>
    public string Name { get; }

    public IPage Page { get; }

    /// <summary>
    /// Opens <paramref name="url"/> in <paramref name="context"/> and waits until the WebAssembly app is ready (at most
    /// <paramref name="patience"/>); tells <paramref name="log"/> what its start cost.
    /// </summary>
    public static async Task<CallPage> OpenAsync(string name, IBrowserContext context, Uri url, Action<string> log, TimeSpan patience)
    {
        var page = new CallPage(name, context, await context.NewPageAsync());
        await page.Page.GotoAsync(url.ToString());
        try
        {
            await page.Page.WaitForFunctionAsync(
                "() => window.reconnectCall !== undefined && window.reconnectCall.ready === true",
                null,
                new PageWaitForFunctionOptions { Timeout = (float)patience.TotalMilliseconds, PollingInterval = 100 });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{name}: window.reconnectCall.ready was not true within {patience.TotalSeconds} s of opening {url}. Console:\n{page.Console()}", ex);
        }

        ArgumentNullException.ThrowIfNull(log);
        log($"{name}: {await page.Page.EvaluateAsync<string>(StartCost)}");
        return page;
    }

    public Task<string?> LocalPeerIdAsync() => Page.EvaluateAsync<string?>("() => window.reconnectCall.localPeerId()");

    /// <summary>The reconnect policy the page runs (<c>reconnect</c> or <c>baseline</c>).</summary>
    public Task<string> PolicyAsync() => Page.EvaluateAsync<string>("() => window.reconnectCall.policy()");

    public Task<string> LocalStateAsync() => Page.EvaluateAsync<string>("() => window.reconnectCall.localState()");

    public async Task<IReadOnlyList<PageRemotePeer>> RemotePeersAsync() =>
        Read<List<PageRemotePeer>>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.reconnectCall.remotePeers())"));

    /// <summary>Media stats per remote peer id.</summary>
    public async Task<IReadOnlyDictionary<string, MediaStats>> StatsAsync() =>
        Read<Dictionary<string, MediaStats>>(await Page.EvaluateAsync<string>("async () => JSON.stringify(await window.reconnectCall.stats())"));

    /// <summary>What the page's remote video elements show, by remote peer id: one entry per video element.</summary>
    public async Task<IReadOnlyDictionary<string, List<PageVideo>>> VideosAsync() =>
        Read<Dictionary<string, List<PageVideo>>>(await Page.EvaluateAsync<string>("""
            () => JSON.stringify(Object.fromEntries([...document.querySelectorAll('.peer')].map(p => [p.dataset.peerId,
              [...p.querySelectorAll('video')].map(v => ({ streamId: v.dataset.streamId, paused: v.paused, readyState: v.readyState,
                presentedFrames: v.getVideoPlaybackQuality().totalVideoFrames }))])))
            """));

    /// <summary>The page's trace: every line parsed (a line that is not a trace event fails here, naming it).</summary>
    public async Task<IReadOnlyList<string>> TraceLinesAsync() => await Page.EvaluateAsync<string[]>("() => window.reconnectCall.trace()");

    public async Task<IReadOnlyList<TraceEvent>> TraceAsync() =>
        TraceReader.ReadJsonLines(new StringReader(string.Join("\n", await TraceLinesAsync())));

    public async Task<IReadOnlyList<string>> ViolationsAsync() => await Page.EvaluateAsync<string[]>("() => window.reconnectCall.violations()");

    /// <summary>Sends <paramref name="text"/> on the page's chat channel to <paramref name="peerId"/>: done once sent or queued; a refused send throws.</summary>
    public Task SendAsync(string peerId, string text) =>
        Page.EvaluateAsync("([peerId, text]) => window.reconnectCall.send(peerId, text)", new[] { peerId, text });

    /// <summary>Every message the page received on its chat channel, oldest first.</summary>
    public async Task<IReadOnlyList<PageMessage>> ReceivedAsync() =>
        Read<List<PageMessage>>(await Page.EvaluateAsync<string>("() => JSON.stringify(window.reconnectCall.received())"));

    public Task LeaveAsync() => Page.EvaluateAsync("() => window.reconnectCall.leave()");

    public Task CloseAsync() => Page.EvaluateAsync("() => window.reconnectCall.close()");

    /// <summary>
    /// Closes the tab as a user does, without pressing Leave: its beforeunload, pagehide and unload handlers run
    /// (Playwright's <c>RunBeforeUnload</c>); waits until the tab is gone. The page answers nothing after this.
    /// </summary>
    public async Task CloseTabAsync()
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Page.Close += (_, _) => closed.TrySetResult();
        await Page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        await closed.Task.WaitAsync(StartPatience);
    }

    /// <summary>Fires a <c>pagehide</c> on the page as the browser would; returns how many trace lines name a close request right after (the page handles it at once).</summary>
    public Task<int> PageHiddenAsync(bool persisted) => Page.EvaluateAsync<int>(
        """
        (persisted) => {
          window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted }));
          return window.reconnectCall.trace().filter(line => line.includes('CloseRequested')).length;
        }
        """,
        persisted);

    /// <summary>Takes the page's network down or up (Chromium's offline emulation: stalls its WebSocket, leaves WebRTC's UDP alone).</summary>
    public Task SetOfflineAsync(bool offline) => _context.SetOfflineAsync(offline);

    /// <summary>
    /// Fires the Network Information API's <c>change</c> event as Chromium does when only its latency and bandwidth
    /// estimates move (the connection type stays); false when the page has no <c>navigator.connection</c>.
    /// </summary>
    public Task<bool> EstimatesChangeAsync() => Page.EvaluateAsync<bool>(
        "() => { if (!navigator.connection) return false; navigator.connection.dispatchEvent(new Event('change')); return true; }");

    public Task ScreenshotAsync(string path) => Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

    /// <summary>What the page shows in <c>#event-log</c>, one notice a line.</summary>
    public async Task<string> EventLogAsync() => string.Join("\n", await Page.Locator("#event-log li").AllInnerTextsAsync());

    /// <summary>The page's console output so far (the last lines).</summary>
    public string Console()
    {
        lock (_console)
        {
            return string.Join("\n", _console);
        }
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json) ?? throw new FormatException($"The page answered null: {json}");

    private void Remember(string line)
    {
        lock (_console)
        {
            _console.Add(line);
            if (_console.Count > 60)
            {
                _console.RemoveAt(0);
            }
        }
    }
}
