using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Harness.Pages;

namespace Reconnect.Browser.Harness.Calls;

/// <summary>
/// Screenshots of the call page for the docs: written to <c>TestResults/browser</c>, and over the committed ones in
/// <c>docs/screenshots</c> only when <c>RECONNECT_ACCEPT_SCREENSHOTS=1</c>.
/// </summary>
public static class Screenshots
{
    private const string AcceptVariable = "RECONNECT_ACCEPT_SCREENSHOTS";

    public static async Task TakeAsync(CallPage page, string name)
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        var folder = accept ? Directory.CreateDirectory(RepositoryPaths.Screenshots).FullName : RepositoryPaths.Results;
        await page.ScreenshotAsync(Path.Combine(folder, name + ".png"));
    }
}
