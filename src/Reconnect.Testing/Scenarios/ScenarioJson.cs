using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Reconnect.Testing.Scenarios;

/// <summary>
/// The one set of JSON options for scenarios: camelCase, strict on read (unknown or duplicate properties,
/// nulls where none is allowed, numbers for enums), and minimal on write (a value equal to its default is left out).
/// </summary>
internal static class ScenarioJson
{
    /// <summary>The options; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            NumberHandling = JsonNumberHandling.Strict,
            WriteIndented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitDefaults } },
            Converters =
            {
                new NamedEnumConverter<FaultKind>(),
                new NamedEnumConverter<EvictionChoice>(),
                new NamedEnumConverter<FaultPlane>(),
                new NamedEnumConverter<FaultDirection>(),
                new MediaVerbConverter(),
                new MetadataConverter(),
                new PeerCountConverter(),
                new SortedMapConverter<PeerCount>(),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Leaves out every optional property of a scenario record whose value equals that record's default.</summary>
    private static void OmitDefaults(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object
            || typeInfo.Type.Namespace != typeof(Scenario).Namespace
            || typeInfo.CreateObject is null)
        {
            return;
        }

        var prototype = typeInfo.CreateObject();
        foreach (var property in typeInfo.Properties)
        {
            if (property.IsRequired || property.Get is null)
            {
                continue;
            }

            var defaultValue = property.Get(prototype);
            property.ShouldSerialize = (_, value) => !Structural.SameAsDefault(value, defaultValue);
        }
    }
}
