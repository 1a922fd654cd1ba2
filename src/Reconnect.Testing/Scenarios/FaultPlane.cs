using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>The plane a fault is limited to: <c>"signalling"</c> or <c>"media"</c>; a fault without one hits both.</summary>
public enum FaultPlane
{
    /// <summary>The signalling socket to the server (ordered and reliable: loss delays frames, never drops them).</summary>
    [JsonStringEnumMemberName("signalling")]
    Signalling,

    /// <summary>The media paths between peers (loss drops packets).</summary>
    [JsonStringEnumMemberName("media")]
    Media,
}
