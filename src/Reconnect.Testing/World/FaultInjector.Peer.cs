using Reconnect.Testing.Checkers;

namespace Reconnect.Testing.World;

/// <summary>The faults of one peer's app and token provider that take more than a line: a token hang, a data send.</summary>
internal sealed partial class FaultInjector
{
    private readonly Dictionary<(string Sender, string Receiver, string Label), long> _lastDataSequence = [];

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
