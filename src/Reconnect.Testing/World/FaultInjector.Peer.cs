namespace Reconnect.Testing.World;

/// <summary>The faults of one peer's app, media and token provider that take more than a line: a token hang, a media freeze.</summary>
internal sealed partial class FaultInjector
{
    /// <summary>
    /// Freezes the peer's inbound media (from <paramref name="other"/>, or from everyone) on the pairs in use now; an
    /// ICE restart or a new connection ends it, and so does the end of <paramref name="durationMs"/> when given (or
    /// the heal). Without a duration only the library can end it.
    /// </summary>
    private void MediaFreeze(IFaultPeer peer, string? other, int? durationMs)
    {
        if (peer.Media is not { } media)
        {
            return;
        }

        var freeze = media.FreezeInboundMedia(other);
        Later(durationMs, freeze.Dispose, Label("media-freeze", peer));
    }

    /// <summary>The next <paramref name="count"/> fetches hang, or every fetch for <paramref name="durationMs"/> (a counted window).</summary>
    private void TokenHang(IFaultPeer peer, int? count, int? durationMs)
    {
        peer.Token.HangsToInject += count ?? 0;
        if (durationMs is not null)
        {
            peer.Token.HangWindows++;
            Later(durationMs, () => peer.Token.HangWindows--, Label("token-hang", peer));
        }
    }
}
