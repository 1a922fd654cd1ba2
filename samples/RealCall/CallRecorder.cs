using Reconnect.Core.Engine;
using Reconnect.Testing.Trace;

namespace Reconnect.Samples.RealCall;

/// <summary>
/// The call's trace in the simulator's format: every client's notices (mapped by the simulator's
/// <see cref="TraceMapper"/>) and the demo's faults and heals, stamped with wall-clock milliseconds since the recorder
/// started, in the order they arrive. Prints each shown event as a timeline line as it comes, when given a writer.
/// </summary>
public sealed class CallRecorder
{
    private readonly Lock _gate = new();
    private readonly TraceWriter _trace = new();
    private readonly TimelinePrinter _printer = new();
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TextWriter? _live;

    /// <summary>Creates a recorder; <paramref name="live"/> gets the timeline lines as they happen.</summary>
    public CallRecorder(TextWriter? live = null, TimeProvider? time = null)
    {
        _live = live;
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
    }

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<TraceEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _trace.Events];
            }
        }
    }

    /// <summary>Records a notice a peer's engine raised.</summary>
    public void Notice(string peer, EngineNotice notice) => Record(t => TraceMapper.FromNotice(peer, t, notice));

    /// <summary>Records that the demo broke a peer's network: <paramref name="what"/> for <paramref name="duration"/>.</summary>
    public void Fault(string peer, string what, TimeSpan duration) =>
        Record(t => new TraceEvent(t, peer, TraceEventKind.Fault) { Reason = what, DelayMs = (long)duration.TotalMilliseconds });

    /// <summary>Records that the whole call was found healed.</summary>
    public void Healed() => Record(t => new TraceEvent(t, TraceEvent.WorldPeer, TraceEventKind.Heal));

    /// <summary>Writes the trace as JSON Lines (docs/trace.md).</summary>
    public void WriteJsonLines(TextWriter output)
    {
        lock (_gate)
        {
            _trace.WriteJsonLines(output);
        }
    }

    private void Record(Func<long, TraceEvent?> create)
    {
        lock (_gate)
        {
            if (create((long)_time.GetElapsedTime(_start).TotalMilliseconds) is not { } trace)
            {
                return;
            }

            _trace.Add(trace);
            if (_live is not null && _printer.Shows(trace))
            {
                _live.WriteLine(_printer.FormatLine(trace));
            }
        }
    }
}
