using Reconnect.Testing.Time;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// Hands the same-instant choices inside a window of virtual time to an inner chooser and runs the first-scheduled
/// item everywhere else, so an exhaustive exploration spends its runs on the orderings around the faults.
/// </summary>
internal sealed class WindowedChooser : IEventChooser
{
    private readonly IEventChooser _inner;
    private readonly TimeSpan _from;
    private readonly TimeSpan _to;
    private VirtualTimeProvider? _clock;

    public WindowedChooser(IEventChooser inner, TimeSpan from, TimeSpan to)
    {
        _inner = inner;
        _from = from;
        _to = to;
    }

    /// <summary>Binds the clock whose time decides whether a choice is inside the window; set before the clock runs.</summary>
    public void Bind(VirtualTimeProvider clock) => _clock = clock;

    public int Choose(IReadOnlyList<string> labelsDueNow) =>
        _clock is { Elapsed: var now } && now >= _from && now <= _to ? _inner.Choose(labelsDueNow) : 0;
}
