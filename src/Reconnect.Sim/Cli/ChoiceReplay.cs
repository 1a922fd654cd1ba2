using System.Globalization;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Time;

namespace Reconnect.Sim.Cli;

/// <summary>The same-instant choices an exhaustive exploration made, and the window it made them in, to replay one run.</summary>
/// <param name="Choices">The choices, in order.</param>
/// <param name="From">The window's start.</param>
/// <param name="To">The window's end.</param>
internal sealed record ChoiceReplay(IReadOnlyList<int> Choices, TimeSpan From, TimeSpan To)
{
    /// <summary>
    /// Reads <c>--choices 1,0,2</c> and <c>--choice-window FROM:TO</c> (virtual ms); no window means the whole run.
    /// A choice that is not a whole number >= 0, or a window that is malformed or reversed, is a <see cref="CliError"/>.
    /// </summary>
    public static ChoiceReplay Parse(string choices, string? window)
    {
        var list = new List<int>();
        foreach (var part in choices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            list.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var choice)
                ? choice
                : throw new CliError($"--choices takes whole numbers >= 0 separated by commas, such as 1,0,2 ('{part}' is not one)."));
        }

        if (window is null)
        {
            return new ChoiceReplay(list, TimeSpan.Zero, TimeSpan.MaxValue);
        }

        var bounds = window.Split(':');
        if (bounds.Length != 2
            || !long.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !long.TryParse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || to > (long)TimeSpan.MaxValue.TotalMilliseconds)
        {
            throw new CliError($"--choice-window takes FROM:TO in whole virtual ms, such as 10000:15000 (was '{window}').");
        }

        return from <= to
            ? new ChoiceReplay(list, TimeSpan.FromMilliseconds(from), TimeSpan.FromMilliseconds(to))
            : throw new CliError($"--choice-window is reversed: FROM ({from}) is after TO ({to}).");
    }

    /// <summary>A chooser that makes these choices inside the window and runs the first-scheduled item elsewhere.</summary>
    public WindowedChooser Chooser() => new(new ScriptedChooser(Choices), From, To);
}
