using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>Reads a map from names to values strictly (an object, no duplicate keys) and writes it sorted by key.</summary>
/// <typeparam name="TValue">The value type, read and written with the options' converters unless a subclass says otherwise.</typeparam>
internal class SortedMapConverter<TValue> : JsonConverter<IReadOnlyDictionary<string, TValue>>
{
    private readonly string _expected;

    /// <summary>Creates the converter; <paramref name="expected"/> says what the map is when the JSON is not an object.</summary>
    public SortedMapConverter(string expected = "an object keyed by peer name") => _expected = expected;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {_expected}.");
        }

        var map = new SortedDictionary<string, TValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!map.TryAdd(key, ReadValue(ref reader, key, options)))
            {
                throw new JsonException($"The key \"{key}\" appears twice.");
            }
        }

        return map;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, TValue> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var key in value.Keys.Order(StringComparer.Ordinal))
        {
            writer.WritePropertyName(key);
            JsonSerializer.Serialize(writer, value[key], options);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the value of one key; the reader is on its first token.</summary>
    protected virtual TValue ReadValue(ref Utf8JsonReader reader, string key, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<TValue>(ref reader, options) ?? throw new JsonException($"The value of \"{key}\" must not be null.");
}
