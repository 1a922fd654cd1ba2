using Reconnect.Core.Policies;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>
/// The grace guarantee (see <see cref="OutageGuarantee"/>): while the server may still hold the session for a resume,
/// retries come at most <see cref="SocketBackoffOptions.ResumeWindowMaxDelay"/> apart (except after a refused
/// connection), and a server's retry hint is cut so that honouring it never carries the peer past the grace the welcome
/// announced.
/// </summary>
public sealed partial class CallEngine
{
    private TimeSpan? _serverGrace;
    private Instant _signallingLostAt;

    /// <summary>
    /// True while the session may still be resumable: the server announced its grace, and less than a ping interval
    /// plus that grace has passed since the signalling was lost (the latest the server could evict it).
    /// </summary>
    private bool SessionMayBeResumable =>
        _sessionId is not null && _serverGrace is { } grace && _now < _signallingLostAt + _options.Heartbeat.PingInterval + grace;

    /// <summary>
    /// The ceiling on the next backoff delay (see <see cref="SocketRetryPolicy.Ceiling"/>). A refusal is the server's
    /// answer that it cannot resume the session now, so the backoff grows as normal after it; a failure that says nothing
    /// about the server (unreachable, a timeout, a reset) brings the cap back.
    /// </summary>
    private TimeSpan? ResumeCeiling => _retry.Ceiling(SessionMayBeResumable, LastAttemptRefused);

    /// <summary>True when the server refused the last attempt.</summary>
    private bool LastAttemptRefused => _lastFailure?.Close is { IsRefusal: true };

    /// <summary>The ping interval the join announces, so the server starts its grace only once a heartbeat is overdue.</summary>
    private long PingIntervalMs => (long)_options.Heartbeat.PingInterval.TotalMilliseconds;
}
