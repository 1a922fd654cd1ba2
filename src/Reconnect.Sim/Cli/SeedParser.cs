using System.Globalization;

namespace Reconnect.Sim.Cli;

/// <summary>Reads a seed given in decimal or as 0x hex.</summary>
internal static class SeedParser
{
    /// <summary>The seed; a <see cref="CliError"/> naming <paramref name="option"/> when the text is not one.</summary>
    public static ulong Parse(string text, string option = "--seed")
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        var ok = hex
            ? ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seed)
            : ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed);
        return ok ? seed : throw new CliError($"{option} must be a whole number from 0 to {ulong.MaxValue}, in decimal or 0x hex (was '{text}').");
    }
}
