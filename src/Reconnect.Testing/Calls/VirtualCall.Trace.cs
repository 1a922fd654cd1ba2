using System.Text;
using Reconnect.Testing.Trace;

namespace Reconnect.Testing.Calls;

/// <summary>The trace: the clients' notices, the faults and the heals, as the simulator shows and writes them.</summary>
public sealed partial class VirtualCall
{
    /// <summary>
    /// The call as the simulator's timeline text (docs/trace.md), one line per shown event in order, up to the end of
    /// the last run (a command given since shows once the call runs again).
    /// </summary>
    public string Timeline(TimelineVerbosity verbosity = TimelineVerbosity.Normal) => new TimelinePrinter(verbosity).Print(_notices.Events());

    /// <summary>The call as trace events (docs/trace.md), in order, up to the end of the last run.</summary>
    public IReadOnlyList<TraceEvent> Trace() => _notices.Events();

    /// <summary>Writes <see cref="Trace"/> as the simulator's JSON Lines trace (UTF-8, one event a line, each ended by <c>\n</c>).</summary>
    public void WriteTrace(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var trace = new TraceWriter();
        foreach (var e in _notices.Events())
        {
            trace.Add(e);
        }

        using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        trace.WriteJsonLines(text);
    }

    /// <summary>Writes <see cref="Trace"/> as JSON Lines to a file, created or overwritten.</summary>
    public void WriteTrace(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = File.Create(path);
        WriteTrace(file);
    }

    /// <summary>Writes the heal, once the call healed after a fault.</summary>
    private void RecordHeal()
    {
        if (_healPending)
        {
            _healPending = false;
            _notices.Heal(new TraceEvent(NowMs, TraceEvent.WorldPeer, TraceEventKind.Heal));
        }
    }
}
