using BenchmarkDotNet.Attributes;

namespace Reconnect.Benchmarks;

/// <summary>
/// A whole signalling reconnect: the socket drops, the backoff timer fires, a token is fetched, the socket opens, the
/// session is resumed and the roster read again, with B kept connected. Each operation leaves the call steady again.
/// </summary>
[MemoryDiagnoser]
public class ReconnectEpisodeBenchmarks
{
    private JoinedEngine _call = null!;

    [GlobalSetup]
    public void Setup() => _call = JoinedEngine.Create();

    [Benchmark]
    public void DropAndResume() => _call.DropAndReconnect();
}
