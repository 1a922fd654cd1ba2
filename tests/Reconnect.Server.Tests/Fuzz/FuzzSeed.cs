using System.Globalization;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>The fuzz seed: <c>RECONNECT_FUZZ_SEED</c> (hex, with or without 0x) when set, else a fixed default; printed as <c>SEED=0x...</c>.</summary>
internal static class FuzzSeed
{
    /// <summary>The seed the fuzz runs use unless told otherwise.</summary>
    public const ulong Default = 0x5EED_F022;

    /// <summary>The seed from the environment, or <see cref="Default"/>.</summary>
    public static ulong FromEnvironment() =>
        Environment.GetEnvironmentVariable("RECONNECT_FUZZ_SEED") is { Length: > 0 } text ? Parse(text) : Default;

    /// <summary>Reads a hex seed, with or without its 0x.</summary>
    public static ulong Parse(string text) =>
        ulong.Parse(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>The replay tag a failure starts with.</summary>
    public static string Tag(ulong seed) => $"SEED=0x{seed:X}";
}
