namespace Reconnect;

/// <summary>
/// The frozen-media watchdog: a media connection whose ICE says <c>connected</c> but whose inbound media (frames or
/// bytes received, as the media port reports them from its statistics) has not advanced for <see cref="FrozenAfter"/>
/// is treated as broken, like ICE <c>failed</c>: the ICE restart ladder starts. A remote peer whose roster entry
/// announces no stream is never judged frozen, since it sends nothing to advance.
/// </summary>
public sealed record MediaWatchdogOptions
{
    /// <summary>
    /// When true (default) the watchdog judges the flow reports the media port gives; when false they are dropped and
    /// only ICE states drive the ladder (the behaviour of SDKs that trust ICE alone, kept for comparison).
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// How long inbound media may stand still on a connected connection before it is judged frozen. Default 5 s:
    /// several statistics samples (browsers' <c>getStats</c> is polled about once a second), so one late or merged
    /// sample never trips it; longer than the silence after which ICE consent itself reports <c>disconnected</c> (a few
    /// seconds), so a lost path is left to ICE's grace and ladder and the watchdog acts only where ICE sees nothing
    /// wrong; and short enough that a frozen picture is repaired before a user reaches for the reload button. Audio
    /// keeps bytes flowing through silence (Opus DTX still sends a packet every 400 ms) and a disabled video track
    /// still sends black frames, so a live call never stands still this long; a remote that keeps a stream announced
    /// while sending nothing on it (a null track) does look frozen, so withdraw such a stream instead. Must be positive.
    /// </summary>
    public TimeSpan FrozenAfter { get; init; } = TimeSpan.FromSeconds(5);
}
