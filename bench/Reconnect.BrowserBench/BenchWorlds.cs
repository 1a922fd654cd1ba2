using Reconnect.Browser.Harness.Hosting;

namespace Reconnect.BrowserBench;

/// <summary>
/// The worlds the bench's faults run in, each started on first use and kept for every later run: the shared loopback
/// world, and one namespaced world per server grace a both-planes fault asks for. Disposing stops them all.
/// </summary>
internal sealed class BenchWorlds : IAsyncDisposable
{
    private readonly Dictionary<TimeSpan, CallWorld> _namespaced = [];
    private CallWorld? _loopback;

    /// <summary>The world for a fault (<see cref="Faults.BenchFault.NamespacedWorldGrace"/>), started if it is not yet.</summary>
    public async Task<CallWorld> ForAsync(TimeSpan? namespacedGrace)
    {
        if (namespacedGrace is not { } grace)
        {
            return _loopback ??= await StartAsync(new CallWorld());
        }

        if (!_namespaced.TryGetValue(grace, out var world))
        {
            world = await StartAsync(new NamespacedCallWorld(grace));
            _namespaced[grace] = world;
        }

        return world;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _namespaced.Values)
        {
            await world.DisposeAsync();
        }

        _namespaced.Clear();
        if (_loopback is { } loopback)
        {
            await loopback.DisposeAsync();
            _loopback = null;
        }
    }

    private static async Task<CallWorld> StartAsync(CallWorld world)
    {
        await world.InitializeAsync();
        return world;
    }
}
