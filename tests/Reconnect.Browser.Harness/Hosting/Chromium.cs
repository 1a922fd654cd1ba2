using Microsoft.Playwright;
using Reconnect.Browser.Harness.Network;

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
    private readonly string? _launcherDirectory;

    private Chromium(IPlaywright playwright, IBrowser browser, string? launcherDirectory = null)
    {
        _playwright = playwright;
        Browser = browser;
        _launcherDirectory = launcherDirectory;
    }

    public IBrowser Browser { get; }

    public static Task<Chromium> LaunchAsync() => LaunchAsync(RequiredTool.Find(RequiredTool.Chromium, "chromium"), Flags, launcherDirectory: null);

    /// <summary>
    /// A Chromium running inside <paramref name="network"/> (a launcher script runs it under <c>ip netns exec</c>), for
    /// pages served from <paramref name="serverOrigin"/>: a plain-HTTP origin that is not localhost, so it is declared
    /// secure (the camera needs a secure context).
    /// </summary>
    public static async Task<Chromium> LaunchInsideAsync(NetworkNamespace network, Uri serverOrigin)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(serverOrigin);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Network namespaces are Linux only.");
        }

        var executable = RequiredTool.Find(RequiredTool.Chromium, "chromium");
        var directory = Directory.CreateTempSubdirectory("reconnect-chromium-").FullName;
        var launcher = Path.Combine(directory, "chromium-in-namespace");
        await File.WriteAllTextAsync(launcher, $"#!/bin/sh\nexec {NetworkTools.Ip} netns exec '{network.Name}' {executable} \"$@\"\n").ConfigureAwait(false);
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            return await LaunchAsync(launcher, [.. Flags, $"--unsafely-treat-insecure-origin-as-secure={serverOrigin.GetLeftPart(UriPartial.Authority)}"], directory).ConfigureAwait(false);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
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
        if (_launcherDirectory is not null)
        {
            Directory.Delete(_launcherDirectory, recursive: true);
        }
    }

    private static async Task<Chromium> LaunchAsync(string executable, IEnumerable<string> flags, string? launcherDirectory)
    {
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Args = flags,
            }).ConfigureAwait(false);
            return new Chromium(playwright, browser, launcherDirectory);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
