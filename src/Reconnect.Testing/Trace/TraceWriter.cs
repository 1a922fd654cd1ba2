using System.Security.Cryptography;
using System.Text;

namespace Reconnect.Testing.Trace;

/// <summary>
/// Collects trace events in the order they happen and writes them as JSON Lines: one object per line,
/// each ended by a single <c>\n</c>, so the same run gives the same bytes on every platform.
/// </summary>
public sealed class TraceWriter
{
    private readonly List<TraceEvent> _events = [];

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<TraceEvent> Events => _events;

    /// <summary>Appends an event.</summary>
    public void Add(TraceEvent trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        _events.Add(trace);
    }

    /// <summary>The events of one kind, in order.</summary>
    /// <param name="kind">A <see cref="TraceEventKind"/> name.</param>
    public IReadOnlyList<TraceEvent> Where(string kind) =>
        [.. _events.Where(trace => string.Equals(trace.Event, kind, StringComparison.Ordinal))];

    /// <summary>Writes every event as one JSON line.</summary>
    public void WriteJsonLines(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var trace in _events)
        {
            output.Write(TraceJson.Format(trace));
            output.Write('\n');
        }
    }

    /// <summary>Every event as JSON Lines text.</summary>
    public string ToJsonLines()
    {
        var text = new StringBuilder();
        foreach (var trace in _events)
        {
            text.Append(TraceJson.Format(trace)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The SHA-256 of the UTF-8 bytes of <see cref="ToJsonLines"/>, in lower-case hex: equal traces, equal hashes.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJsonLines())));
}
