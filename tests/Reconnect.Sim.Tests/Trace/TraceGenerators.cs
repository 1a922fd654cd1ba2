using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Trace;

namespace Reconnect.Sim.Tests.Trace;

/// <summary>FsCheck generators for trace events, with text that stresses JSON escaping.</summary>
internal static class TraceGenerators
{
    private static readonly Gen<string> TextPiece = Gen.Frequency(
        (6, Gen.Elements("a", "B", "z", "0", "-", "_", " ", ".", ":")),
        (1, Gen.Elements("\"", "\\", "/", "\n", "\r", "\t", "\0", "\u001f", "<", "&", "'", "+")),
        (1, Gen.Elements("é", "ß", "中", "\u2028", "😀", "\U0001F3A5")));

    private static readonly Gen<string> Text = Gen.ListOf(TextPiece).Select(string.Concat);

    private static readonly Gen<string?> OptionalText = Gen.Frequency((1, Gen.Constant<string?>(null)), (2, Text.Select(s => (string?)s)));

    private static readonly Gen<long> AnyLong = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<long>()),
        (1, Gen.Elements(0L, -1L, long.MinValue, long.MaxValue)));

    private static readonly Gen<int> AnyInt = Gen.Frequency(
        (3, ArbMap.Default.GeneratorFor<int>()),
        (1, Gen.Elements(0, -1, int.MinValue, int.MaxValue)));

    private static readonly Gen<long?> OptionalLong = Gen.Frequency((1, Gen.Constant<long?>(null)), (2, AnyLong.Select(n => (long?)n)));

    private static readonly Gen<int?> OptionalInt = Gen.Frequency((1, Gen.Constant<int?>(null)), (2, AnyInt.Select(n => (int?)n)));

    private static readonly Gen<string> Kind = Gen.Frequency((4, Gen.Elements(TraceEventKind.All.ToArray())), (1, Text));

    /// <summary>Any event: any field set or not, any text, any number.</summary>
    public static readonly Gen<TraceEvent> Event =
        from t in AnyLong
        from peer in Text
        from kind in Kind
        from before in OptionalText
        from after in OptionalText
        from remote in OptionalText
        from @ref in OptionalLong
        from stream in OptionalText
        from streamRef in OptionalLong
        from conn in OptionalInt
        from code in OptionalInt
        from reason in OptionalText
        from attempt in OptionalInt
        from delayMs in OptionalLong
        from detail in OptionalText
        select new TraceEvent(t, peer, kind)
        {
            From = before,
            To = after,
            Remote = remote,
            Ref = @ref,
            Stream = stream,
            StreamRef = streamRef,
            Conn = conn,
            Code = code,
            Reason = reason,
            Attempt = attempt,
            DelayMs = delayMs,
            Detail = detail,
        };

    /// <summary>A trace of up to a few dozen events.</summary>
    public static readonly Gen<List<TraceEvent>> Trace = Gen.Sized(size => Gen.Choose(0, Math.Max(1, size / 3)).SelectMany(n => Event.ListOf(n))).Select(list => list.ToList());

    /// <summary>A writer holding the events, in order.</summary>
    public static TraceWriter WriterOf(IEnumerable<TraceEvent> events)
    {
        var writer = new TraceWriter();
        foreach (var trace in events)
        {
            writer.Add(trace);
        }

        return writer;
    }
}
