using System.Runtime.InteropServices.JavaScript;
using Reconnect.Browser.Media;

namespace Reconnect.Browser.Interop;

/// <summary>The events of wwwroot/reconnect-media.js, one export each, handed to the page's media port.</summary>
internal static partial class MediaEvents
{
    /// <summary>The page's one media port, which receives every event.</summary>
    public static BrowserMediaPort? Port { get; set; }

    [JSExport]
    public static void OnDescriptionCreated(string peer, int generation, string type, string sdp) => Port?.DescriptionCreated(peer, generation, type, sdp);

    [JSExport]
    public static void OnLocalDescriptionApplied(string peer, int generation, string type, string sdp) => Port?.LocalDescriptionApplied(peer, generation, type, sdp);

    [JSExport]
    public static void OnLocalCandidate(string peer, int generation, string candidate, string sdpMid, int sdpMLineIndex) =>
        Port?.LocalCandidate(peer, generation, candidate, sdpMid, sdpMLineIndex);

    [JSExport]
    public static void OnIceConnectionState(string peer, int generation, string state) => Port?.IceConnectionStateChanged(peer, generation, state);

    [JSExport]
    public static void OnConnectionState(string peer, int generation, string state) => Port?.ConnectionStateChanged(peer, generation, state);

    [JSExport]
    public static void OnRemoteStream(string peer, int generation, string streamId, JSObject stream) => Port?.RemoteStream(peer, generation, streamId, stream);

    [JSExport]
    public static void OnOperationFailed(string peer, int generation, string operation, string reason) => Port?.OperationFailed(peer, generation, operation, reason);

    [JSExport]
    public static void OnDataChannelOpened(string peer, int generation, string label) => Port?.DataChannelOpened(peer, generation, label);

    [JSExport]
    public static void OnDataChannelClosed(string peer, int generation, string label) => Port?.DataChannelClosed(peer, generation, label);

    [JSExport]
    public static void OnDataReceived(string peer, int generation, string label, byte[] payload) => Port?.DataReceived(peer, generation, label, payload);
}
