using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>The scenario spelling of <see cref="EvictionBehaviour"/>: <c>"rejoin"</c> or <c>"stop"</c>.</summary>
public enum EvictionChoice
{
    /// <summary>Join again as a new session.</summary>
    [JsonStringEnumMemberName("rejoin")]
    Rejoin,

    /// <summary>Close for good.</summary>
    [JsonStringEnumMemberName("stop")]
    Stop,
}
