using System.Globalization;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>What a live fuzz campaign saw: frames and connections, how each connection ended, and every problem.</summary>
/// <param name="Seed">The campaign's seed.</param>
/// <param name="FramesSent">Frames the fuzz connections sent.</param>
/// <param name="Connections">Fuzz connections opened.</param>
/// <param name="Endings">How many connections ended with each close code (0: still open at the end).</param>
/// <param name="Problems">Everything that broke a rule: an undocumented close, a drop without a close frame, a frame the codec rejects, a disturbed steady peer, a leaked session.</param>
/// <param name="Elapsed">How long the campaign took.</param>
internal sealed record FuzzReport(ulong Seed, long FramesSent, int Connections, IReadOnlyDictionary<int, int> Endings, IReadOnlyList<string> Problems, TimeSpan Elapsed)
{
    /// <summary>One line: seed, counts, endings and the number of problems.</summary>
    public string Summary() =>
        $"{FuzzSeed.Tag(Seed)} frames={FramesSent} connections={Connections} elapsed={Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s "
        + $"endings=[{string.Join(", ", Endings.OrderBy(e => e.Key).Select(e => $"{(e.Key == 0 ? "open" : e.Key.ToString(CultureInfo.InvariantCulture))}:{e.Value}"))}] problems={Problems.Count}";
}
