using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>Which way a one-way fault hits: <c>"outbound"</c> (the default) or <c>"inbound"</c>.</summary>
public enum FaultDirection
{
    /// <summary>Packets the peer sends (to <c>other</c>, or to anyone).</summary>
    [JsonStringEnumMemberName("outbound")]
    Outbound,

    /// <summary>Packets the peer receives (from <c>other</c>, or from anyone).</summary>
    [JsonStringEnumMemberName("inbound")]
    Inbound,
}
