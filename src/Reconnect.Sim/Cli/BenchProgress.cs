using System.Globalization;
using Reconnect.Sim.Bench;

namespace Reconnect.Sim.Cli;

/// <summary>Writes a bench's progress to stderr at most every <see cref="Every"/> of wall time, from any thread.</summary>
internal sealed class BenchProgress(TextWriter output, TimeProvider wallClock) : IProgress<BenchRunsDone>
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(3);

    private readonly long _start = wallClock.GetTimestamp();
    private readonly Lock _gate = new();
    private TimeSpan _lastWritten;

    public void Report(BenchRunsDone value)
    {
        var elapsed = wallClock.GetElapsedTime(_start);
        lock (_gate)
        {
            if (elapsed - _lastWritten < Every && value.Done < value.Total)
            {
                return;
            }

            _lastWritten = elapsed;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bench heal: {value.Done} of {value.Total} runs ({elapsed.TotalSeconds:0} s)"));
        }
    }
}
