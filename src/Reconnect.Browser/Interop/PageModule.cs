using System.Runtime.InteropServices.JavaScript;

namespace Reconnect.Browser.Interop;

/// <summary>The DOM rendering of wwwroot/main.js: what the page shows, and the page's address.</summary>
internal static partial class PageModule
{
    private const string Module = "main.js";

    [JSImport("query", Module)]
    public static partial string Query();

    [JSImport("origin", Module)]
    public static partial string Origin();

    /// <summary>The Network Information API's connection type (<c>navigator.connection.type</c>); empty when the browser has none.</summary>
    [JSImport("connectionType", Module)]
    public static partial string ConnectionType();

    [JSImport("setReady", Module)]
    public static partial void SetReady();

    [JSImport("setRoom", Module)]
    public static partial void SetRoom(string room);

    [JSImport("setControls", Module)]
    public static partial void SetControls(bool join, bool leave, bool close);

    [JSImport("setLocalState", Module)]
    public static partial void SetLocalState(string state);

    [JSImport("setLocalVideo", Module)]
    public static partial void SetLocalVideo(JSObject stream);

    [JSImport("upsertPeer", Module)]
    public static partial void UpsertPeer(string peerId, string name, string state);

    [JSImport("removePeer", Module)]
    public static partial void RemovePeer(string peerId);

    [JSImport("bindVideo", Module)]
    public static partial void BindVideo(string peerId, string streamId, JSObject stream);

    [JSImport("removeVideo", Module)]
    public static partial void RemoveVideo(string peerId, string streamId);

    [JSImport("appendEvent", Module)]
    public static partial void AppendEvent(string text);

    [JSImport("setBanner", Module)]
    public static partial void SetBanner(bool visible);
}
