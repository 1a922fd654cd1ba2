using System.Text.Json;
using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>Reads and writes an enum by its JSON name only: numbers and unknown names are errors that list the known names.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class NamedEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string naming a {Label}: one of {JsonEnumNames<TEnum>.Listing}.");
        }

        var name = reader.GetString()!;
        return JsonEnumNames<TEnum>.TryParse(name, out var value)
            ? value
            : throw new JsonException($"Unknown {Label} \"{name}\": expected one of {JsonEnumNames<TEnum>.Listing}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(JsonEnumNames<TEnum>.NameOf(value));
    }

    private static string Label =>
        typeof(TEnum) == typeof(FaultKind) ? "fault kind"
        : typeof(TEnum) == typeof(FaultPlane) ? "plane"
        : typeof(TEnum) == typeof(FaultDirection) ? "direction"
        : typeof(TEnum).Name;
}
