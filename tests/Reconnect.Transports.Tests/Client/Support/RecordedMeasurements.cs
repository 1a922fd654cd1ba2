using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>One measurement with its tags as text.</summary>
internal sealed record Measurement(string Name, double Value, SortedDictionary<string, string> Tags);

/// <summary>Listens to the Reconnect meters of one <see cref="TestMeterFactory"/> and keeps every measurement, from any thread.</summary>
internal sealed class RecordedMeasurements : IDisposable
{
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly MeterListener _listener = new();

    public RecordedMeasurements(TestMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == ReconnectDiagnostics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => _measurements.Enqueue(new Measurement(i.Name, value, Copy(tags))));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => _measurements.Enqueue(new Measurement(i.Name, value, Copy(tags))));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All => [.. _measurements];

    public double Sum(string name) => All.Where(m => m.Name == name).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private static SortedDictionary<string, string> Copy(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            copy[key] = value?.ToString() ?? string.Empty;
        }

        return copy;
    }
}
