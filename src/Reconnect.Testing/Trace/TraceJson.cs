using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reconnect.Testing.Trace;

/// <summary>
/// The JSON form of one trace event: one object on one line, camelCase names in a fixed order, null fields
/// left out, so equal traces give equal bytes.
/// </summary>
public static class TraceJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The JSON object for an event, without a line break.</summary>
    public static string Format(TraceEvent trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("t", trace.T);
            writer.WriteString("peer", trace.Peer);
            writer.WriteString("event", trace.Event);
            WriteOptional(writer, "from", trace.From);
            WriteOptional(writer, "to", trace.To);
            WriteOptional(writer, "remote", trace.Remote);
            WriteOptional(writer, "ref", trace.Ref);
            WriteOptional(writer, "stream", trace.Stream);
            WriteOptional(writer, "streamRef", trace.StreamRef);
            WriteOptional(writer, "conn", trace.Conn);
            WriteOptional(writer, "code", trace.Code);
            WriteOptional(writer, "reason", trace.Reason);
            WriteOptional(writer, "attempt", trace.Attempt);
            WriteOptional(writer, "delayMs", trace.DelayMs);
            WriteOptional(writer, "detail", trace.Detail);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads one JSON object written by <see cref="Format"/>; an unknown or repeated field is an error.</summary>
    /// <exception cref="FormatException">The text is not a trace event.</exception>
    public static TraceEvent Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            return Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not a JSON object: {ex.Message}", ex);
        }
    }

    private static TraceEvent Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Expected a JSON object, found {root.ValueKind}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Fields();
        foreach (var property in root.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw new FormatException($"The field '{property.Name}' appears twice.");
            }

            if (property.Value.ValueKind != JsonValueKind.Null)
            {
                fields.Set(property.Name, property.Value);
            }
        }

        return fields.ToEvent();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private sealed class Fields
    {
        private long? _t;
        private string? _peer;
        private string? _event;
        private TraceEvent _optional = new(0, string.Empty, string.Empty);

        public void Set(string name, JsonElement value)
        {
            switch (name)
            {
                case "t": _t = Int64(name, value); break;
                case "peer": _peer = Text(name, value); break;
                case "event": _event = Text(name, value); break;
                case "from": _optional = _optional with { From = Text(name, value) }; break;
                case "to": _optional = _optional with { To = Text(name, value) }; break;
                case "remote": _optional = _optional with { Remote = Text(name, value) }; break;
                case "ref": _optional = _optional with { Ref = Int64(name, value) }; break;
                case "stream": _optional = _optional with { Stream = Text(name, value) }; break;
                case "streamRef": _optional = _optional with { StreamRef = Int64(name, value) }; break;
                case "conn": _optional = _optional with { Conn = Int32(name, value) }; break;
                case "code": _optional = _optional with { Code = Int32(name, value) }; break;
                case "reason": _optional = _optional with { Reason = Text(name, value) }; break;
                case "attempt": _optional = _optional with { Attempt = Int32(name, value) }; break;
                case "delayMs": _optional = _optional with { DelayMs = Int64(name, value) }; break;
                case "detail": _optional = _optional with { Detail = Text(name, value) }; break;
                default: throw new FormatException($"Unknown field '{name}'.");
            }
        }

        private static string Text(string name, JsonElement value) =>
            value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new FormatException($"The field '{name}' must be a string, not {value.ValueKind}.");

        private static long Int64(string name, JsonElement value) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
                ? number
                : throw new FormatException($"The field '{name}' must be a whole number that fits 64 bits, not {value.GetRawText()}.");

        private static int Int32(string name, JsonElement value) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw new FormatException($"The field '{name}' must be a whole number that fits 32 bits, not {value.GetRawText()}.");

        public TraceEvent ToEvent()
        {
            if (_t is not { } t || _peer is null || _event is null)
            {
                throw new FormatException("A trace event needs the fields t, peer and event.");
            }

            return _optional with { T = t, Peer = _peer, Event = _event };
        }
    }
}
