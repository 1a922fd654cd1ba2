using Microsoft.Playwright;

namespace Reconnect.Browser.Harness.Hosting;

/// <summary>
/// One headless Debian Chromium driven by Playwright (its driver ships in the package: nothing is downloaded), with
/// a fake camera and microphone and ICE candidates on 127.0.0.1 (no mDNS names). Each page gets its own context.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--allow-loopback-in-peer-connection", "--disable-features=WebRtcHideLocalIpsWithMdns",
        "--autoplay-policy=no-user-gesture-required",
        // Several pages share one browser: none may be throttled as a background tab.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var executable = RequiredTool.Find(RequiredTool.Chromium, "chromium");
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = Flags,
            }).ConfigureAwait(false);
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A fresh context (cookies, storage, network emulation of its own) with the camera and microphone granted.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Permissions = ["camera", "microphone"],
            ViewportSize = new ViewportSize { Width = 1100, Height = 700 },
        });

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }
}
