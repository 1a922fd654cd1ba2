namespace Reconnect.Testing.Trace;

/// <summary>Reads JSON Lines written by <see cref="TraceWriter"/> back into events, for tests and tools.</summary>
public static class TraceReader
{
    /// <summary>Reads every event; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A line is not a trace event; the message names the line.</exception>
    public static IReadOnlyList<TraceEvent> ReadJsonLines(TextReader input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var events = new List<TraceEvent>();
        var number = 0;
        while (input.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                events.Add(TraceJson.Parse(line));
            }
            catch (FormatException ex)
            {
                throw new FormatException($"Trace line {number}: {ex.Message}", ex);
            }
        }

        return events;
    }
}
