using System.Runtime.InteropServices.JavaScript;

namespace Reconnect.Browser.Interop;

/// <summary>The W3C verbs of wwwroot/reconnect-media.js, one import each; each answers through <see cref="MediaEvents"/>.</summary>
internal static partial class MediaModule
{
    private const string Module = "reconnect-media.js";

    [JSImport("createConnection", Module)]
    public static partial void CreateConnection(string peer, int generation, string iceServersJson, bool relayOnly);

    [JSImport("createOffer", Module)]
    public static partial void CreateOffer(string peer, int generation);

    [JSImport("createAnswer", Module)]
    public static partial void CreateAnswer(string peer, int generation);

    [JSImport("setLocalDescription", Module)]
    public static partial void SetLocalDescription(string peer, int generation, string type, string sdp);

    [JSImport("setRemoteDescription", Module)]
    public static partial void SetRemoteDescription(string peer, int generation, string type, string sdp);

    [JSImport("addIceCandidate", Module)]
    public static partial void AddIceCandidate(string peer, int generation, string candidate, string sdpMid, int sdpMLineIndex);

    [JSImport("restartIce", Module)]
    public static partial void RestartIce(string peer, int generation);

    [JSImport("addStream", Module)]
    public static partial void AddStream(string peer, int generation, string streamId, JSObject stream);

    [JSImport("removeStream", Module)]
    public static partial void RemoveStream(string peer, int generation, string streamId);

    [JSImport("replaceTrack", Module)]
    public static partial void ReplaceTrack(string peer, int generation, string streamId, string trackId, JSObject stream);

    [JSImport("createDataChannel", Module)]
    public static partial void CreateDataChannel(string peer, int generation, string label, int id, bool ordered, int maxRetransmits, int maxPacketLifeTimeMs);

    [JSImport("sendData", Module)]
    public static partial bool SendData(string peer, int generation, string label, [JSMarshalAs<JSType.MemoryView>] ArraySegment<byte> payload);

    [JSImport("close", Module)]
    public static partial void Close(string peer, int generation);

    [JSImport("readStats", Module)]
    public static partial Task<string?> ReadStats(string peer, int generation);

    [JSImport("openCamera", Module)]
    public static partial Task<JSObject> OpenCamera();

    [JSImport("streamId", Module)]
    public static partial string StreamId(JSObject stream);
}
