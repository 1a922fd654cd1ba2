using System.Runtime.InteropServices.JavaScript;
using Reconnect.Browser.Interop;
using Reconnect.Browser.Page;

namespace Reconnect.Browser;

/// <summary>Starts the call page: reads its address, opens the camera, builds the call, and joins at once when asked to.</summary>
internal static class Program
{
    public static async Task Main()
    {
        PageSettings settings;
        try
        {
            settings = PageSettings.Parse(PageModule.Query());
        }
        catch (FormatException bad)
        {
            PageModule.SetLocalState("not started");
            PageModule.AppendEvent($"the page's address is wrong, so it did not start: {bad.Message}");
            return;
        }

        var http = new HttpClient { BaseAddress = new Uri(PageModule.Origin()) };
        var page = new CallPage(settings, http, await OpenCameraAsync().ConfigureAwait(true));
        CallPageExports.Page = page;
        page.ConnectionIs(PageModule.ConnectionType());
        PageModule.SetReady();
        if (settings.AutoJoin && settings.Room.Length > 0)
        {
            try
            {
                await page.JoinAsync(settings.Room).ConfigureAwait(true);
            }
            catch (ReconnectException)
            {
                // A join that fails is shown by the page (its state and event log); the user may join again.
            }
        }
    }

    /// <summary>The local camera, or none when the browser refuses it (the page still joins, receive-only).</summary>
    private static async Task<JSObject?> OpenCameraAsync()
    {
        try
        {
            return await MediaModule.OpenCamera().ConfigureAwait(true);
        }
        catch (JSException)
        {
            return null;
        }
    }
}
