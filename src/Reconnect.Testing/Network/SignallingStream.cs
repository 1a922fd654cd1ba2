using Reconnect.Testing.Time;

namespace Reconnect.Testing.Network;

/// <summary>
/// The frames in flight from one host to another on the signalling plane, reliable and ordered like TCP: a frame is
/// delivered only after every frame sent before it, a frame whose path swallows packets is retransmitted after a
/// timeout that doubles each time (from the minimum plus the round trip, up to <see cref="SimNetwork.MaxRetransmissionTimeout"/>)
/// until the path works again, and only an offline host or a reset route drops frames.
/// </summary>
internal sealed class SignallingStream
{
    private readonly VirtualTimeProvider _time;
    private readonly string _label;
    private readonly Func<SignallingPathState> _state;
    private readonly Queue<Segment> _segments = new();
    private TimeSpan _lastArrival;

    public SignallingStream(VirtualTimeProvider time, string label, Func<SignallingPathState> state)
    {
        _time = time;
        _label = label;
        _state = state;
    }

    /// <summary>Sends a frame that reaches the far end at <paramref name="arrival"/> at the earliest, and never before an earlier frame.</summary>
    public void Send(TimeSpan arrival, TimeSpan firstTimeout, Action deliver)
    {
        if (arrival < _lastArrival)
        {
            arrival = _lastArrival;
        }

        _lastArrival = arrival;
        var segment = new Segment(deliver, firstTimeout);
        _segments.Enqueue(segment);
        _time.Schedule(arrival - _time.Elapsed, () => Arrive(segment), _label);
    }

    private void Arrive(Segment segment)
    {
        segment.Due = true;
        while (_segments.TryPeek(out var head) && head.Due)
        {
            switch (_state())
            {
                case SignallingPathState.Held:
                    head.Due = false;
                    _time.Schedule(head.NextTimeout(), () => Arrive(head), _label);
                    return;
                case SignallingPathState.Dropped:
                    _segments.Dequeue();
                    break;
                default:
                    _segments.Dequeue();
                    head.Deliver();
                    break;
            }
        }
    }

    /// <summary>One frame in flight.</summary>
    private sealed class Segment(Action deliver, TimeSpan firstTimeout)
    {
        private TimeSpan _timeout = firstTimeout;

        public Action Deliver { get; } = deliver;

        /// <summary>True once the frame's arrival time has come; it waits only for the frames before it.</summary>
        public bool Due { get; set; }

        /// <summary>The wait before the next retransmission; each call doubles the following one, up to the maximum.</summary>
        public TimeSpan NextTimeout()
        {
            var wait = _timeout;
            _timeout = _timeout + _timeout > SimNetwork.MaxRetransmissionTimeout ? SimNetwork.MaxRetransmissionTimeout : _timeout + _timeout;
            return wait;
        }
    }
}
