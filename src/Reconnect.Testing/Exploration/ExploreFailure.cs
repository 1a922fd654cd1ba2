using System.Globalization;
using System.Text;

namespace Reconnect.Testing.Exploration;

/// <summary>A schedule that broke the property, with the smallest schedule found that still breaks it.</summary>
/// <param name="Seed">The seed that replays it.</param>
/// <param name="Problems">What the minimal schedule broke, each line starting with <c>SEED=0x…</c>.</param>
/// <param name="ScenarioJson">The minimal failing scenario, ready for <c>run</c>.</param>
/// <param name="OriginalFaults">How many faults the schedule had before shrinking.</param>
/// <param name="MinimalFaults">How many it has after.</param>
/// <param name="ShrinkRuns">The runs spent shrinking.</param>
/// <param name="Choices">
/// Exhaustive mode: the same-instant choices made inside the explored window (the first-scheduled item ran
/// everywhere else), in order; empty in random mode, where the seed alone replays the run.
/// </param>
/// <param name="ChoiceWindow">Exhaustive mode: the virtual-time window, in ms, in which the choices were made.</param>
public sealed record ExploreFailure(
    ulong Seed,
    IReadOnlyList<string> Problems,
    string ScenarioJson,
    int OriginalFaults,
    int MinimalFaults,
    int ShrinkRuns,
    IReadOnlyList<int> Choices,
    (long FromMs, long ToMs)? ChoiceWindow = null)
{
    /// <summary>The seed, the problems, the choices if any, and the minimal scenario JSON.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"SEED=0x{Seed:x}: {OriginalFaults} faults shrunk to {MinimalFaults} in {ShrinkRuns} runs\n");
        foreach (var problem in Problems)
        {
            text.Append("  ").Append(problem).Append('\n');
        }

        if (Choices.Count > 0)
        {
            text.Append("  same-instant choices in the window: [").AppendJoin(", ", Choices).Append("]\n");
            if (ChoiceWindow is { } window)
            {
                text.Append(CultureInfo.InvariantCulture, $"  replay: run <minimal scenario file> --choices {string.Join(',', Choices)} --choice-window {window.FromMs}:{window.ToMs}\n");
            }
        }

        text.Append("minimal scenario:\n").Append(ScenarioJson).Append('\n');
        return text.ToString();
    }
}
