using Reconnect.Core.Engine;
using Reconnect.Core.Time;

namespace Reconnect.Hosting;

/// <summary>A notice the engine raised, with the engine time it was raised at.</summary>
/// <param name="at">The engine time.</param>
/// <param name="notice">The notice.</param>
public sealed class EngineNoticeEventArgs(Instant at, EngineNotice notice) : EventArgs
{
    /// <summary>The engine time.</summary>
    public Instant At { get; } = at;

    /// <summary>The notice.</summary>
    public EngineNotice Notice { get; } = notice;
}

/// <summary>An effect the engine asked for, with the engine time it was dispatched at.</summary>
/// <param name="at">The engine time.</param>
/// <param name="effect">The effect.</param>
public sealed class EngineEffectEventArgs(Instant at, EngineEffect effect) : EventArgs
{
    /// <summary>The engine time.</summary>
    public Instant At { get; } = at;

    /// <summary>The effect.</summary>
    public EngineEffect Effect { get; } = effect;
}
