using System.Globalization;
using Reconnect.Sim.Exploration;
using Reconnect.Sim.Time;

namespace Reconnect.Sim.Cli;

/// <summary>The same-instant choices an exhaustive exploration made, and the window it made them in, to replay one run.</summary>
/// <param name="Choices">The choices, in order.</param>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
internal sealed record ChoiceReplay(IReadOnlyList<int> Choices, TimeSpan From, TimeSpan To)
{
    /// <summary>Reads <c>--choices 1,0,2</c> and <c>--choice-window FROM:TO</c> (virtual ms); no window means the whole run.</summary>
    public static ChoiceReplay Parse(string choices, string? window)
    {
        var list = choices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.Parse(c, CultureInfo.InvariantCulture))
            .ToList();
        if (window is null)
        {
            return new ChoiceReplay(list, TimeSpan.Zero, TimeSpan.MaxValue);
        }

        var bounds = window.Split(':');
        if (bounds.Length != 2)
        {
            throw new FormatException($"--choice-window takes FROM:TO in virtual ms, not '{window}'.");
        }

        return new ChoiceReplay(
            list,
            TimeSpan.FromMilliseconds(long.Parse(bounds[0], CultureInfo.InvariantCulture)),
            TimeSpan.FromMilliseconds(long.Parse(bounds[1], CultureInfo.InvariantCulture)));
    }

    /// <summary>A chooser that makes these choices inside the window and runs the first-scheduled item elsewhere.</summary>
    public WindowedChooser Chooser() => new(new ScriptedChooser(Choices), From, To);
}
