using Reconnect.Testing.Scenarios;

namespace Reconnect.Testing.Bench;

/// <summary>
/// The baseline the benches compare this library with, defined once for the simulator's heal bench and the call page
/// (<c>policy=baseline</c>): the published behaviour of the best-known SDK.
/// </summary>
internal static class BaselinePolicy
{
    /// <summary>The policy's name on the page's query and in the benches' tables.</summary>
    public const string Name = "baseline";

    /// <summary>
    /// Whether the baseline's engine hears the network-change signal (<c>online</c>, <c>offline</c>, an address change):
    /// never, so it learns of a drop only from timeouts and failed attempts.
    /// </summary>
    public const bool HearsNetworkSignal = false;

    /// <summary>
    /// The baseline's engine options: socket backoff as the defaults (500 ms doubling to 30 s, +/-20 % jitter,
    /// 100 attempts) and never tighter while the session may be resumed, the ICE ladder (0, 1, 2, 4, 8, 16, 30, 30,
    /// 30 s) started only on <c>failed</c>, every media connection rebuilt after a socket reconnect, and no watch on
    /// the media itself (only ICE states move it).
    /// </summary>
    public static PeerOptionsSpec Options { get; } = new()
    {
        MediaWatchdog = false,
        RestartOnDisconnected = false,
        ForceMediaRestartOnReconnect = true,
        OfflineProbe = false,
        ResumeWindowMaxMs = 30_000,
    };
}
