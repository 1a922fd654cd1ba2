using System.Globalization;

namespace Reconnect.Sim.Cli;

/// <summary>Reads a seed given in decimal or as 0x hex.</summary>
internal static class SeedParser
{
    public static ulong Parse(string text) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : ulong.Parse(text, CultureInfo.InvariantCulture);
}
