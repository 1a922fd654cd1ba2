using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>
/// Reads a <see cref="PeerCount"/> from a bare number (exactly that many) or strictly from an object of its fields;
/// writes a bare number when only <c>exactly</c> is set, else the object with its set fields in a fixed order.
/// </summary>
internal sealed class PeerCountConverter : JsonConverter<PeerCount>
{
    private const string Fields = "exactly, min, max, remote, reason";

    /// <inheritdoc />
    public override PeerCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return new PeerCount { Exactly = WholeNumber(ref reader, "a peer count") };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a peer count: a whole number, or an object with {Fields}.");
        }

        var count = new PeerCount();
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            if (!seen.Add(name))
            {
                throw new JsonException($"The property '{name}' appears twice in a peer count.");
            }

            reader.Read();
            count = name switch
            {
                "exactly" => count with { Exactly = WholeNumber(ref reader, name) },
                "min" => count with { Min = WholeNumber(ref reader, name) },
                "max" => count with { Max = WholeNumber(ref reader, name) },
                "remote" => count with { Remote = Text(ref reader, name) },
                "reason" => count with { Reason = Text(ref reader, name) },
                _ => throw new JsonException($"unknown property '{name}' in a peer count; known: {Fields}."),
            };
        }

        return count;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PeerCount value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value is { Exactly: { } only, Min: null, Max: null, Remote: null, Reason: null })
        {
            writer.WriteNumberValue(only);
            return;
        }

        writer.WriteStartObject();
        WriteIfSet(writer, "exactly", value.Exactly);
        WriteIfSet(writer, "min", value.Min);
        WriteIfSet(writer, "max", value.Max);
        if (value.Remote is not null)
        {
            writer.WriteString("remote", value.Remote);
        }

        if (value.Reason is not null)
        {
            writer.WriteString("reason", value.Reason);
        }

        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static int WholeNumber(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value)
            ? value
            : throw new JsonException($"'{name}' must be a whole number.");

    private static string Text(ref Utf8JsonReader reader, string name) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"'{name}' must be a string.");
}
