using FsCheck.Xunit;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

[Properties(Arbitrary = [typeof(SimArbitraries)])]
public sealed class TraceJsonTests
{
    [Fact]
    public void Every_field_is_written_with_its_camel_case_name_in_the_fixed_order()
    {
        var full = new TraceEvent(15_843, "A", "stream-added")
        {
            Detail = "rebound",
            DelayMs = 250,
            Attempt = 2,
            Reason = "why",
            Code = 1006,
            Conn = 2,
            StreamRef = 22,
            Stream = "camB",
            Ref = 7,
            Remote = "B",
            To = "connected",
            From = "reconnecting",
        };

        Assert.Equal(
            """{"t":15843,"peer":"A","event":"stream-added","from":"reconnecting","to":"connected","remote":"B","ref":7,"stream":"camB","streamRef":22,"conn":2,"code":1006,"reason":"why","attempt":2,"delayMs":250,"detail":"rebound"}""",
            TraceJson.Format(full));
    }

    [Fact]
    public void Null_fields_are_left_out()
    {
        var minimal = new TraceEvent(0, "A", "heal");
        var some = new TraceEvent(16_010, "B", "peer-left") { Remote = "C", Ref = 9, Reason = "left" };

        Assert.Equal("""{"t":0,"peer":"A","event":"heal"}""", TraceJson.Format(minimal));
        Assert.Equal("""{"t":16010,"peer":"B","event":"peer-left","remote":"C","ref":9,"reason":"left"}""", TraceJson.Format(some));
    }

    [Fact]
    public void Text_is_escaped_only_where_json_requires_it()
    {
        var trace = new TraceEvent(1, "A", "ignored") { Detail = "a -> b 'x' <é> \"q\"\n" };

        Assert.Equal("""{"t":1,"peer":"A","event":"ignored","detail":"a -> b 'x' <é> \"q\"\n"}""", TraceJson.Format(trace));
    }

    [Property]
    public void Reader_returns_what_the_writer_wrote(List<TraceEvent> events)
    {
        var text = TraceGenerators.WriterOf(events).ToJsonLines();

        var read = TraceReader.ReadJsonLines(new StringReader(text));

        Assert.True(read.SequenceEqual(events), $"written:\n{text}read back:\n{string.Join("\n", read)}");
    }

    [Property]
    public void Every_event_is_one_line(TraceEvent trace)
    {
        var json = TraceJson.Format(trace);

        Assert.False(json.Contains('\n', StringComparison.Ordinal) || json.Contains('\r', StringComparison.Ordinal), $"line break in {json}");
    }

    [Theory]
    [InlineData("""{"t":1,"peer":"A"}""", "t, peer and event")]
    [InlineData("""{"t":1,"peer":"A","event":"heal","colour":"red"}""", "Unknown field 'colour'")]
    [InlineData("""{"t":1,"peer":"A","event":"heal","peer":"B"}""", "'peer' appears twice")]
    [InlineData("""{"t":"1","peer":"A","event":"heal"}""", "'t' must be a whole number")]
    [InlineData("""{"t":1,"peer":"A","event":"heal","conn":1.5}""", "'conn' must be a whole number that fits 32 bits, not 1.5")]
    [InlineData("""{"t":1,"peer":7,"event":"heal"}""", "'peer' must be a string, not Number")]
    [InlineData("""[1,2]""", "Expected a JSON object")]
    [InlineData("""{"t":1,""", "Not a JSON object")]
    public void A_line_that_is_not_a_trace_event_is_refused_with_its_line_number(string line, string expected)
    {
        var text = """{"t":0,"peer":"A","event":"heal"}""" + "\n\n" + line + "\n";

        var error = Assert.Throws<FormatException>(() => TraceReader.ReadJsonLines(new StringReader(text)));

        Assert.StartsWith("Trace line 3: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Explicit_nulls_read_as_absent_fields()
    {
        var read = TraceJson.Parse("""{"t":3,"peer":"A","event":"heal","detail":null,"ref":null}""");

        Assert.Equal(new TraceEvent(3, "A", "heal"), read);
    }
}
