using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

[Properties(Arbitrary = [typeof(SimArbitraries)])]
public sealed class TraceWriterTests
{
    [Property]
    public void Equal_traces_have_equal_hashes(List<TraceEvent> events)
    {
        var copy = events.Select(e => e with { }).ToList();

        var first = TraceGenerators.WriterOf(events).Hash();
        var second = TraceGenerators.WriterOf(copy).Hash();

        Assert.True(first == second, $"trace:\n{TraceGenerators.WriterOf(events).ToJsonLines()}");
    }

    [Fact]
    public void Traces_that_differ_in_one_event_have_different_hashes()
    {
        var cases =
            from events in TraceGenerators.Trace.Where(list => list.Count > 0)
            from index in Gen.Choose(0, events.Count - 1)
            from change in Gen.Elements("time", "field", "drop", "extra")
            select (events, index, change);

        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (events, index, change) = c;
            var changed = events.ToList();
            switch (change)
            {
                case "time": changed[index] = changed[index] with { T = unchecked(changed[index].T + 1) }; break;
                case "field": changed[index] = changed[index] with { Detail = changed[index].Detail is null ? string.Empty : null }; break;
                case "drop": changed.RemoveAt(index); break;
                default: changed.Insert(index, new TraceEvent(0, "A", TraceEventKind.Heal)); break;
            }

            var before = TraceGenerators.WriterOf(events);
            var after = TraceGenerators.WriterOf(changed);

            Assert.True(before.Hash() != after.Hash(), $"change={change} index={index}\nbefore:\n{before.ToJsonLines()}after:\n{after.ToJsonLines()}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Hash_is_the_lower_case_sha256_of_the_bytes_written()
    {
        var writer = TraceGenerators.WriterOf(SampleTrace.Events);
        using var bytes = new MemoryStream();
        using (var output = new StreamWriter(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
        {
            writer.WriteJsonLines(output);
        }

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray()));

        Assert.Equal(expected, writer.Hash());
        Assert.Equal(Encoding.UTF8.GetString(bytes.ToArray()), writer.ToJsonLines());
    }

    [Fact]
    public void Each_event_ends_with_a_single_line_feed()
    {
        var text = TraceGenerators.WriterOf(SampleTrace.Events).ToJsonLines();

        Assert.Equal(SampleTrace.Events.Count, text.Count(c => c == '\n'));
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
    }

    [Fact]
    public void An_empty_trace_writes_nothing()
    {
        Assert.Equal(string.Empty, new TraceWriter().ToJsonLines());
    }

    [Fact]
    public void Where_keeps_one_kind_in_order()
    {
        var writer = TraceGenerators.WriterOf(SampleTrace.Events);

        var changes = writer.Where(TraceEventKind.StateChange);

        Assert.Equal(SampleTrace.Events.Where(e => e.Event == "state-change"), changes);
        Assert.Equal([10_000L, 15_900L], changes.Select(e => e.T));
    }
}
