using Reconnect.Browser.Tests.Hosting;
using Reconnect.Browser.Tests.Pages;

namespace Reconnect.Browser.Tests.Calls;

/// <summary>
/// Screenshots of the call page for the docs: written to <c>TestResults/browser</c>, and over the committed ones in
/// <c>docs/screenshots</c> only when <c>RECONNECT_ACCEPT_SCREENSHOTS=1</c>.
/// </summary>
internal static class Screenshots
{
    private const string AcceptVariable = "RECONNECT_ACCEPT_SCREENSHOTS";

    public static async Task TakeAsync(CallPage page, string name)
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        var folder = accept ? Directory.CreateDirectory(RepositoryPaths.Screenshots).FullName : RepositoryPaths.Results;
        await page.ScreenshotAsync(Path.Combine(folder, name + ".png"));
    }
}
