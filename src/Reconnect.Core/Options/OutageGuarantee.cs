namespace Reconnect;

/// <summary>
/// The grace guarantee: an outage shorter than <see cref="Survivable"/> is always survived without eviction,
/// wherever it falls in the ping cycle. It holds when the server announces its silence grace in the welcome and
/// starts that grace only once the client's announced heartbeat is overdue (as <c>ChannelServer</c> does).
/// </summary>
/// <remarks>
/// X = grace − max(Token.FetchTimeout, Heartbeat.WelcomeTimeout) − Backoff.ResumeWindowMaxDelay × (1 + Backoff.JitterFraction)
/// − <see cref="NetworkSlack"/>. The server evicts no earlier than the grace after the outage began (the last frame it
/// heard was at most one ping interval before, and it waits that interval before counting). After the outage ends, an
/// attempt begun during it fails by the token or welcome timeout, the next waits at most the capped, jittered delay,
/// and that one succeeds within the slack. With the defaults (45 s grace, 10 s timeouts, 2 s ± 20 %) X is 31.6 s.
/// </remarks>
public static class OutageGuarantee
{
    /// <summary>The time a successful reconnect needs, token to join delivered (a few round trips), plus delivery jitter.</summary>
    public static TimeSpan NetworkSlack { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest outage always survived without eviction under a server with this silence grace; zero or less guarantees nothing.</summary>
    public static TimeSpan Survivable(ReconnectOptions options, TimeSpan serverGrace)
    {
        ArgumentNullException.ThrowIfNull(options);
        var attempt = options.Token.FetchTimeout > options.Heartbeat.WelcomeTimeout ? options.Token.FetchTimeout : options.Heartbeat.WelcomeTimeout;
        var wait = options.Backoff.ResumeWindowMaxDelay * (1 + options.Backoff.JitterFraction);
        return serverGrace - attempt - wait - NetworkSlack;
    }
}
