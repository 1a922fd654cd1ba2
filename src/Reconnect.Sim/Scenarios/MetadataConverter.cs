using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconnect.Sim.Scenarios;

/// <summary>Reads a string-to-string map strictly (no duplicate keys, no non-string values) and writes it sorted by key.</summary>
internal sealed class MetadataConverter : JsonConverter<IReadOnlyDictionary<string, string>>
{
    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object of string values.");
        }

        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"The value of \"{key}\" must be a string.");
            }

            if (!map.TryAdd(key, reader.GetString()!))
            {
                throw new JsonException($"The key \"{key}\" appears twice.");
            }
        }

        return map;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var key in value.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteString(key, value[key]);
        }

        writer.WriteEndObject();
    }
}
