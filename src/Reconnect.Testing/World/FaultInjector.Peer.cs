namespace Reconnect.Testing.World;

/// <summary>The faults of one peer's app and token provider that take more than a line: a token hang.</summary>
internal sealed partial class FaultInjector
{
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
