using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Exploration;

/// <summary>How one generated peer is configured: whether network-change signals reach it and its engine option overrides.</summary>
/// <param name="NetworkSignals">Whether the operating system's network-change signal reaches the peer's engine.</param>
/// <param name="Options">The peer's engine option overrides.</param>
public sealed record PeerSetup(bool NetworkSignals, PeerOptionsSpec Options)
{
    /// <summary>
    /// The engine defaults with network signals on, except that a failed first connect retries (a late joiner may
    /// join into an outage): what every generated setup shrinks to.
    /// </summary>
    public static PeerSetup Baseline { get; } = new(true, new PeerOptionsSpec { RetryFirstConnect = true });
}
