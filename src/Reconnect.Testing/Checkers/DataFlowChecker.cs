using Reconnect.Core.Engine;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// The data-channel invariants, per sender, receiver and channel. Safety (every run): what the receiver gets is a
/// subsequence of what was sent: each message was sent, arrives at most once, and on an ordered channel after every
/// message it got before. Liveness (<see cref="Undelivered"/>, part of the heal): every message sent arrives unless
/// <list type="bullet">
/// <item>the engine failed it with a typed error (<see cref="DataSendFailed"/>: fail-fast, full queue, peer left, call
/// ended, unknown peer, undeclared channel), or</item>
/// <item>it was handed over (a <see cref="SendData"/> effect on the sender's connection of generation g to the RemotePeer
/// of ref r) and the sender's live connection to the receiver is no longer (r, g): the connection it was in flight on
/// was replaced or its peer left and came back, so it died with it, as a message in flight on a closed
/// <c>RTCDataChannel</c> does.</item>
/// </list>
/// A message still queued in the engine, or handed to the connection that is still live, must arrive. Only messages
/// whose payload a <c>data-send</c> fault made (<see cref="DataMessage"/>) are followed.
/// </summary>
internal sealed class DataFlowChecker(IReadOnlyList<ICheckedPeer> peers)
{
    private readonly Dictionary<(string Sender, string Receiver, string Label), Flow> _flows = [];
    private readonly Dictionary<(string Sender, long SendId), (Flow Flow, long Sequence)> _sends = [];
    private readonly HashSet<(string Sender, long SendId)> _failedBeforeHandled = [];

    /// <summary>Takes note of a send the sender's engine handled.</summary>
    public void OnInput(string sender, EngineInput input)
    {
        if (input is DataSendRequested send && DataMessage.TryRead(send.Payload, out var sequence))
        {
            var flow = FlowOf(sender, send.RemotePeerId, send.Label);
            flow.Sent.Add(sequence);
            _sends[(sender, send.SendId)] = (flow, sequence);
            if (_failedBeforeHandled.Remove((sender, send.SendId)))
            {
                flow.Failed.Add(sequence);
            }
        }
    }

    /// <summary>Takes note of a message handed to a connection: the connection (RemotePeer ref and generation) it is in flight on.</summary>
    public void OnEffect(ICheckedPeer sender, EngineEffect effect)
    {
        if (effect is SendData data && DataMessage.TryRead(data.Payload, out var sequence))
        {
            var remote = sender.Engine.Snapshot.Remotes.FirstOrDefault(r => r.Id == data.RemotePeerId);
            FlowOf(sender.Name, data.RemotePeerId, data.Label).Handed[sequence] = (remote?.Ref ?? 0, data.Generation);
        }
    }

    /// <summary>Checks one notice: a failed send is excused; a message received must keep the subsequence rule. Yields each broken rule.</summary>
    public IEnumerable<string> OnNotice(string name, EngineNotice notice)
    {
        switch (notice)
        {
            case ErrorRaisedNotice { Error: DataSendFailed failed }:
                Failed(name, failed.SendId);
                return [];
            case DataReceivedNotice received when DataMessage.TryRead(received.Payload, out var sequence):
                return Received(FlowOf(received.RemotePeerId, name, received.Label), sequence);
            default:
                return [];
        }
    }

    /// <summary>The messages between peers still in the call that must arrive and have not yet; empty when none.</summary>
    public IEnumerable<string> Undelivered(IReadOnlySet<string> live)
    {
        foreach (var ((sender, receiver, label), flow) in _flows)
        {
            if (!live.Contains(sender) || !live.Contains(receiver) || peers.FirstOrDefault(p => p.Name == sender) is not { } from)
            {
                continue;
            }

            var remote = from.Engine.Snapshot.Remotes.FirstOrDefault(r => r.Id == receiver);
            var current = (remote?.Ref ?? 0, remote?.Generation ?? 0);
            var missing = flow.Sent.Where(s => !flow.Failed.Contains(s) && !flow.Received.Contains(s)
                && !(flow.Handed.TryGetValue(s, out var on) && on != current)).ToList();
            if (missing.Count > 0)
            {
                yield return $"{receiver} has not received {missing.Count} message(s) from {sender} on {label} (first #{missing[0]})";
            }
        }
    }

    /// <summary>A send failed; an immediate failure is raised while its input is handled, before <see cref="OnInput"/> hears of the input.</summary>
    private void Failed(string sender, long sendId)
    {
        if (_sends.TryGetValue((sender, sendId), out var send))
        {
            send.Flow.Failed.Add(send.Sequence);
        }
        else
        {
            _failedBeforeHandled.Add((sender, sendId));
        }
    }

    private List<string> Received(Flow flow, long sequence)
    {
        List<string> problems = [];
        var what = $"{flow.Receiver} got #{sequence} from {flow.Sender} on {flow.Label}";
        if (!flow.Sent.Contains(sequence))
        {
            problems.Add($"{what}, which was never sent");
        }

        if (!flow.Received.Add(sequence))
        {
            problems.Add($"{what} twice");
        }
        else if (flow.Ordered && sequence < flow.LastReceived)
        {
            problems.Add($"{what} after #{flow.LastReceived}");
        }

        flow.LastReceived = Math.Max(flow.LastReceived, sequence);
        return problems;
    }

    private Flow FlowOf(string sender, string receiver, string label)
    {
        if (!_flows.TryGetValue((sender, receiver, label), out var flow))
        {
            var declared = peers.FirstOrDefault(p => p.Name == sender)?.Engine.Options.DataChannels.Channels.FirstOrDefault(c => c.Label == label);
            flow = new Flow(sender, receiver, label, declared?.Delivery.Ordered ?? true);
            _flows[(sender, receiver, label)] = flow;
        }

        return flow;
    }

    /// <summary>What one sender sent one receiver on one channel, and what became of it.</summary>
    private sealed class Flow(string sender, string receiver, string label, bool ordered)
    {
        public string Sender => sender;

        public string Receiver => receiver;

        public string Label => label;

        public bool Ordered => ordered;

        public HashSet<long> Sent { get; } = [];

        public HashSet<long> Failed { get; } = [];

        public HashSet<long> Received { get; } = [];

        public Dictionary<long, (long Ref, int Generation)> Handed { get; } = [];

        public long LastReceived { get; set; }
    }
}
