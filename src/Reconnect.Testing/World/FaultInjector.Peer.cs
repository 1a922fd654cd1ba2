using Reconnect.Core.Engine;
using Reconnect.Testing.Checkers;

namespace Reconnect.Testing.World;

/// <summary>The faults of one peer's app, media and token provider that take more than a line: a token hang, a media freeze, a data send.</summary>
internal sealed partial class FaultInjector
{
    private readonly Dictionary<(string Sender, string Receiver, string Label), long> _lastDataSequence = [];

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

    /// <summary>
    /// Fails the peer's next <paramref name="count"/> calls of a media verb (toward <paramref name="other"/>, or anyone)
    /// asynchronously; what the heal finds unspent is disarmed then, as every fault stops.
    /// </summary>
    private void MediaVerbFails(IFaultPeer peer, MediaOperation verb, string? other, int count)
    {
        if (peer.Media is { } media)
        {
            _pending.Add(media.FailVerb(verb, other, count).Dispose);
        }
    }

    /// <summary>Sends <paramref name="count"/> messages, numbered on from the last one this sender sent the receiver on the channel (<see cref="DataMessage"/>).</summary>
    private void SendData(IFaultPeer peer, string remote, string label, int count)
    {
        var key = (peer.Name, remote, label);
        for (var i = 0; i < count; i++)
        {
            var sequence = _lastDataSequence.GetValueOrDefault(key) + 1;
            _lastDataSequence[key] = sequence;
            peer.SendData(remote, label, DataMessage.Payload(sequence));
        }
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
