namespace Reconnect;

/// <summary>How the socket proves it is alive.</summary>
public sealed record HeartbeatOptions
{
    /// <summary>How long to wait for the welcome after the socket opens.</summary>
    public TimeSpan WelcomeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an application ping is sent while open.</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>No inbound frame for this long means the socket is dead.</summary>
    public TimeSpan LivenessTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After a wake, how long the open socket has to answer a ping before it is declared dead (the liveness timeout still applies).</summary>
    public TimeSpan WakeProbeTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
