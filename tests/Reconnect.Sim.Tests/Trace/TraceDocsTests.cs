using System.Text.RegularExpressions;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

public sealed partial class TraceDocsTests
{
    private static readonly string Doc = File.ReadAllText(RepositoryFiles.Path("docs", "trace.md"));

    [Fact]
    public void Every_event_kind_has_a_section_with_an_example_line_of_that_kind()
    {
        var sections = Sections();

        Assert.Equal(TraceEventKind.All, sections.Select(example => example.Kind));
        Assert.All(sections, example => Assert.Equal(example.Kind, TraceJson.Parse(example.Json).Event));
    }

    [Fact]
    public void Every_example_line_is_written_exactly_as_the_writer_writes_it()
    {
        Assert.All(Sections(), example => Assert.Equal(TraceJson.Format(TraceJson.Parse(example.Json)), example.Json));
    }

    [Fact]
    public void Every_example_timeline_line_is_what_the_printer_prints()
    {
        var printer = new TimelinePrinter();

        Assert.All(Sections(), example => Assert.Equal(printer.FormatLine(TraceJson.Parse(example.Json)), example.Line));
    }

    [Fact]
    public void Every_field_is_documented()
    {
        string[] fields = ["t", "peer", "event", "from", "to", "remote", "ref", "stream", "streamRef", "conn", "code", "reason", "attempt", "delayMs", "detail"];

        Assert.All(fields, field => Assert.Contains($"| `{field}` |", Doc, StringComparison.Ordinal));
    }

    /// <summary>Each "### kind" section's json example and timeline line, in the order of the page.</summary>
    private static List<(string Kind, string Json, string Line)> Sections() =>
        [.. Section().Matches(Doc).Select(m => (m.Groups["kind"].Value, m.Groups["json"].Value, m.Groups["line"].Value))];

    [GeneratedRegex(@"^### `?(?<kind>[a-z-]+)`?\s*$(?:(?!^### ).)*?^```json\s*$\s*(?<json>\{.*?\})\s*$\s*^```\s*$\s*^Timeline[^`\n]*`(?<line>[^`\n]+)`", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Section();
}
