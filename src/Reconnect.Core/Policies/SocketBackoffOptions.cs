namespace Reconnect;

/// <summary>How the signalling socket backs off between connect attempts.</summary>
public sealed record SocketBackoffOptions
{
    /// <summary>The delay before the first retry, before jitter.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The factor applied to the delay after each failed attempt.</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>The cap on the delay, before jitter.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The relative jitter applied to every delay, the first included: 0.2 means +/-20 %.</summary>
    public double JitterFraction { get; init; } = 0.2;

    /// <summary>How many failed attempts in a row are allowed before giving up; a welcome ends the run.</summary>
    public int MaxAttempts { get; init; } = 100;

    /// <summary>
    /// How long a welcomed socket must stay up before earlier drops are forgotten. Each welcomed socket that drops
    /// sooner (a flap) makes the next retries wait one backoff step longer, up to <see cref="MaxDelay"/>; flaps never
    /// spend the attempt budget.
    /// </summary>
    public TimeSpan StableWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While the local network is unreachable (an instant local failure), a cheap probe attempt that spends no
    /// budget: <see cref="OfflineFastProbeInterval"/> apart for the first <see cref="OfflineFastProbeWindow"/> of the
    /// outage, then never more than this long apart, jittered. Null turns the probe off: unreachable failures then back
    /// off and count like any other (the published behaviour).
    /// </summary>
    public TimeSpan? OfflineProbeInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The spacing of offline probes early in an outage, when a short drop is most likely to end: a probe fails on
    /// the device itself and reaches no server, so probing often costs a server nothing and finds the network back
    /// within this long (before jitter). Never wider than <see cref="OfflineProbeInterval"/>.
    /// </summary>
    public TimeSpan OfflineFastProbeInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long from the first offline probe of an outage the probes stay <see cref="OfflineFastProbeInterval"/> apart; zero never probes fast.</summary>
    public TimeSpan OfflineFastProbeWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The cap on a delay (before jitter) while the session may still be resumed: from losing the signalling until a
    /// ping interval plus the server's announced grace have passed. Keeps the last retries before the grace ends close
    /// together, so an outage shorter than the guaranteed one (see <c>OutageGuarantee</c>) is never evicted.
    /// </summary>
    public TimeSpan ResumeWindowMaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The floor on the next delay after the server says it is over capacity.</summary>
    public TimeSpan CapacityFloor { get; init; } = TimeSpan.FromSeconds(30);
}
