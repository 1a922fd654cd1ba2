using System.Text.Json;

namespace Reconnect.Testing.Scenarios;

/// <summary>Reads a string-to-string map strictly (no duplicate keys, no non-string values) and writes it sorted by key.</summary>
internal sealed class MetadataConverter : SortedMapConverter<string>
{
    /// <summary>Creates the converter.</summary>
    public MetadataConverter()
        : base("an object of string values")
    {
    }

    /// <inheritdoc />
    protected override string ReadValue(ref Utf8JsonReader reader, string key, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new JsonException($"The value of \"{key}\" must be a string.");
}
