using System.Globalization;
using System.Text;

namespace Reconnect.Sim.Tests.Freeze;

/// <summary>The failure text of the freeze guard: every drifted key with its seed and the command that replays it.</summary>
internal static class TraceHashReport
{
    /// <summary>Where a generated schedule's scenario is written so <see cref="ReplayCommand"/> can run it.</summary>
    public static string ReplayPath(FrozenCase frozen) => Path.Combine(TraceHashFile.Folder, frozen.Scenario.Name + ".received.json");

    /// <summary>The sim CLI command that runs the case again and writes its trace (a schedule runs from <see cref="ReplayPath"/>).</summary>
    public static string ReplayCommand(FrozenCase frozen)
    {
        var target = frozen.FromLibrary ? frozen.Scenario.Name : TraceHashFile.Relative(ReplayPath(frozen));
        return $"dotnet run -c Release --project src/Reconnect.Sim -- run {target} --trace {frozen.Scenario.Name}.jsonl";
    }

    /// <summary>Describes every drift; <paramref name="cases"/> gives the case of each key that ran now.</summary>
    public static string Describe(IReadOnlyList<TraceHashDrift> drifts, IReadOnlyDictionary<string, FrozenCase> cases, int runs)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{drifts.Count} of {runs} frozen trace hashes drifted; the new list was written to {TraceHashFile.Relative(TraceHashFile.ReceivedPath)}.\n");
        foreach (var drift in drifts)
        {
            text.Append(drift.Kind).Append(' ').Append(drift.Key).Append(": frozen ").Append(drift.Frozen ?? "(none)");
            if (drift.Now is { } now)
            {
                var frozen = cases[drift.Key];
                text.Append(CultureInfo.InvariantCulture, $", now {now}, SEED=0x{frozen.Scenario.Seed:x}\n    replay: {ReplayCommand(frozen)}\n");
            }
            else
            {
                text.Append(", no run has this key any more\n");
            }
        }

        return text
            .Append("Replay a case on the commit before the change too and diff the two traces. ")
            .Append("If every drift is a behaviour change you meant and can name, accept it: ").Append(TraceHashFile.AcceptCommand)
            .ToString();
    }
}
