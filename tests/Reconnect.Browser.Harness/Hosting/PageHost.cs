namespace Reconnect.Browser.Harness.Hosting;

/// <summary>Where a call's page runs: a browser, and the call page's address as that browser reaches the server.</summary>
public sealed record PageHost(Chromium Browser, Uri PageUri);
