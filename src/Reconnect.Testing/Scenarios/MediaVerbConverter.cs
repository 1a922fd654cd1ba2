using System.Text.Json;
using System.Text.Json.Serialization;
using Reconnect.Core.Engine;

namespace Reconnect.Testing.Scenarios;

/// <summary>Reads and writes a media verb by its kebab-case name (<c>set-local-description</c>); numbers and unknown names are errors that list the names.</summary>
internal sealed class MediaVerbConverter : JsonConverter<MediaOperation>
{
    /// <summary>Every verb with its name, in declaration order.</summary>
    public static IReadOnlyList<(MediaOperation Verb, string Name)> All { get; } =
        [.. Enum.GetValues<MediaOperation>().Select(v => (v, JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())))];

    private static string Listing => string.Join(", ", All.Select(v => v.Name));

    /// <summary>The name of a verb.</summary>
    public static string NameOf(MediaOperation verb) => All.First(v => v.Verb == verb).Name;

    /// <inheritdoc />
    public override MediaOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string naming a media verb: one of {Listing}.");
        }

        var name = reader.GetString()!;
        foreach (var (verb, verbName) in All)
        {
            if (string.Equals(verbName, name, StringComparison.Ordinal))
            {
                return verb;
            }
        }

        throw new JsonException($"Unknown media verb \"{name}\": expected one of {Listing}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, MediaOperation value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(NameOf(value));
    }
}
