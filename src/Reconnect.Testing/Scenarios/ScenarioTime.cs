namespace Reconnect.Testing.Scenarios;

/// <summary>Turns the <see cref="TimeSpan"/>s of <see cref="ScenarioBuilder"/> into the whole milliseconds a scenario counts in.</summary>
internal static class ScenarioTime
{
    /// <summary>The span in milliseconds; throws when it is not a whole number of milliseconds that fits an <see cref="int"/>.</summary>
    public static int Milliseconds(TimeSpan span, string parameterName)
    {
        var milliseconds = Math.DivRem(span.Ticks, TimeSpan.TicksPerMillisecond, out var rest);
        return rest == 0 && milliseconds is >= int.MinValue and <= int.MaxValue
            ? (int)milliseconds
            : throw new ArgumentOutOfRangeException(parameterName, span, "A scenario counts time in whole milliseconds that fit a 32-bit integer.");
    }

    /// <summary>The span in milliseconds, or null when there is none.</summary>
    public static int? Milliseconds(TimeSpan? span, string parameterName) =>
        span is { } value ? Milliseconds(value, parameterName) : null;
}
