using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>The engine's armed timers: at most one per (kind, owner); a fired id that is no longer armed is stale.</summary>
internal sealed class TimerTable
{
    private readonly SortedDictionary<(TimerKind Kind, string Owner), (TimerId Id, Instant Due)> _armed = [];
    private long _sequence;

    public int Count => _armed.Count;

    public IReadOnlyList<(TimerId Id, Instant Due)> Armed => [.. _armed.Values];

    /// <summary>Arms a timer, replacing any armed timer of the same kind and owner.</summary>
    public void Start(TimerKind kind, string owner, Instant due, Action<EngineOutput> emit)
    {
        Cancel(kind, owner, emit);
        var id = new TimerId(kind, owner, ++_sequence);
        _armed[(kind, owner)] = (id, due);
        emit(new StartTimer(id, due));
    }

    public void Cancel(TimerKind kind, string owner, Action<EngineOutput> emit)
    {
        if (_armed.Remove((kind, owner), out var armed))
        {
            emit(new CancelTimer(armed.Id));
        }
    }

    public void CancelOwner(string owner, Action<EngineOutput> emit)
    {
        foreach (var key in _armed.Keys.Where(k => k.Owner == owner).ToList())
        {
            Cancel(key.Kind, key.Owner, emit);
        }
    }

    public void CancelAll(Action<EngineOutput> emit)
    {
        foreach (var key in _armed.Keys.ToList())
        {
            Cancel(key.Kind, key.Owner, emit);
        }
    }

    public bool IsArmed(TimerKind kind, string owner) => _armed.ContainsKey((kind, owner));

    /// <summary>Disarms an armed timer of this kind and owner before it falls due, to run it now; null when none is armed.</summary>
    public TimerId? TakeEarly(TimerKind kind, string owner, Action<EngineOutput> emit)
    {
        if (!_armed.TryGetValue((kind, owner), out var armed))
        {
            return null;
        }

        Cancel(kind, owner, emit);
        return armed.Id;
    }

    /// <summary>Disarms the timer if this id is the one armed; false means the id is stale or cancelled.</summary>
    public bool TryConsume(TimerId id)
    {
        if (_armed.TryGetValue((id.Kind, id.Owner), out var armed) && armed.Id == id)
        {
            _armed.Remove((id.Kind, id.Owner));
            return true;
        }

        return false;
    }
}
