using System.Runtime.InteropServices.JavaScript;
using System.Text.Json;

namespace Reconnect.Browser.Page;

/// <summary>What wwwroot/main.js calls: the buttons, the page's lifecycle, and <c>window.reconnectCall</c>.</summary>
internal static partial class CallPageExports
{
    /// <summary>The page's call, once the app started.</summary>
    public static CallPage? Page { get; set; }

    private static CallPage Call => Page ?? throw new InvalidOperationException("the call page has not started yet");

    [JSExport]
    public static Task Join(string room) => Call.JoinAsync(room);

    [JSExport]
    public static Task Leave() => Call.LeaveAsync();

    [JSExport]
    public static Task Close() => Call.CloseAsync();

    [JSExport]
    public static Task RetryNow() => Call.RetryNowAsync();

    [JSExport]
    public static Task Send(string peerId, string text) => Call.SendAsync(peerId, text);

    [JSExport]
    public static string Received() => JsonSerializer.Serialize([.. Page?.Received ?? []], PageJsonContext.Default.ListMessageJson);

    [JSExport]
    public static void NetworkChanged(string what) => Page?.NetworkChanged(what);

    [JSExport]
    public static void ConnectionIs(string type) => Page?.ConnectionIs(type);

    [JSExport]
    public static void LifecycleChanged(string what) => Page?.LifecycleChanged(what);

    [JSExport]
    public static void PageHidden(bool persisted) => Page?.PageHidden(persisted);

    [JSExport]
    public static string? LocalPeerId() => Page?.PeerId;

    [JSExport]
    public static string LocalState() => Page?.LocalState ?? "idle";

    [JSExport]
    public static string? Policy() => Page?.Policy;

    [JSExport]
    public static string RemotePeers() => JsonSerializer.Serialize([.. Page?.RemotePeers ?? []], PageJsonContext.Default.ListRemotePeerJson);

    [JSExport]
    public static async Task<string> Stats() =>
        JsonSerializer.Serialize(Page is null ? [] : await Page.StatsAsync().ConfigureAwait(true), PageJsonContext.Default.SortedDictionaryStringMediaStatsJson);

    [JSExport]
    public static string Trace() => JsonSerializer.Serialize([.. Page?.Trace ?? []], PageJsonContext.Default.ListString);

    [JSExport]
    public static string Violations() => JsonSerializer.Serialize([.. Page?.Violations ?? []], PageJsonContext.Default.ListString);

    [JSExport]
    public static string Events() => JsonSerializer.Serialize([.. Page?.Events ?? []], PageJsonContext.Default.ListEventJson);
}
