using Reconnect.Core.Engine;
using Reconnect.Testing.Trace;

namespace Reconnect.Testing.Calls;

/// <summary>
/// The notices of a <see cref="VirtualCall"/>'s clients as trace events. Each client's dispatcher records its own notices
/// in order; the trace merges them by virtual time, then by the order the clients were added, so it reads the same for a seed.
/// </summary>
internal sealed class CallNotices
{
    private readonly Lock _gate = new();
    private readonly List<List<TraceEvent>> _byClient = [];
    private readonly List<TraceEvent> _faults = [];
    private readonly List<TraceEvent> _heals = [];

    /// <summary>Starts recording one more client; returns where its notices go.</summary>
    public Action<EngineNotice, TimeSpan> Add(string peer)
    {
        var events = new List<TraceEvent>();
        lock (_gate)
        {
            _byClient.Add(events);
        }

        return (notice, at) =>
        {
            if (TraceMapper.FromNotice(peer, (long)at.TotalMilliseconds, notice) is { } trace)
            {
                lock (_gate)
                {
                    events.Add(trace);
                }
            }
        };
    }

    /// <summary>Records a fault the world injected; it comes first at its instant.</summary>
    public void Fault(TraceEvent trace) => Record(_faults, trace);

    /// <summary>Records that the call was found healed; it comes last at its instant.</summary>
    public void Heal(TraceEvent trace) => Record(_heals, trace);

    /// <summary>Every event so far by virtual time; at one instant the faults, each client's in the order they were added, the heals.</summary>
    public IReadOnlyList<TraceEvent> Events()
    {
        lock (_gate)
        {
            return [.. _byClient.Prepend(_faults).Append(_heals).SelectMany((events, source) => events.Select((e, i) => (e, source, i)))
                .OrderBy(x => x.e.T).ThenBy(x => x.source).ThenBy(x => x.i).Select(x => x.e)];
        }
    }

    private void Record(List<TraceEvent> events, TraceEvent trace)
    {
        lock (_gate)
        {
            events.Add(trace);
        }
    }
}
