using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests.ProtocolDoc;

/// <summary>What the code says the protocol is, in the rows docs/protocol.md must hold (meanings excluded).</summary>
internal static class ProtocolContract
{
    private static readonly JsonSerializerOptions CodecOptions = InitializedCodecOptions();

    /// <summary>One row per field of every message a base type's discriminator names: message, field, JSON type, required.</summary>
    public static IReadOnlyList<string> MessageRows(Type baseType)
    {
        var polymorphism = CodecOptions.GetTypeInfo(baseType).PolymorphismOptions!;
        return [.. polymorphism.DerivedTypes.SelectMany(d => FieldRows((string)d.TypeDiscriminator!, d.DerivedType, polymorphism.TypeDiscriminatorPropertyName))];
    }

    /// <summary>The rows of every object nested in the messages (not polymorphic), keyed by the CLR type's name.</summary>
    public static IReadOnlyList<string> NestedObjectRows()
    {
        var found = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        var bases = new[] { typeof(ClientMessage), typeof(ServerMessage), typeof(SignalPayload) };
        var pending = new Queue<Type>(bases.SelectMany(b => CodecOptions.GetTypeInfo(b).PolymorphismOptions!.DerivedTypes.Select(d => d.DerivedType)));
        while (pending.TryDequeue(out var type))
        {
            foreach (var property in CodecOptions.GetTypeInfo(type).Properties)
            {
                var element = ElementOf(property.PropertyType);
                if (IsObject(element) && !bases.Contains(element) && found.TryAdd(element.Name, element))
                {
                    pending.Enqueue(element);
                }
            }
        }

        return [.. found.Values.SelectMany(t => FieldRows(t.Name, t, null))];
    }

    /// <summary>One row per constant of <see cref="CloseCodes"/>: code, name, constant, what the client does.</summary>
    public static IReadOnlyList<string> CloseCodeRows() =>
        [.. typeof(CloseCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (Code: (int)f.GetRawConstantValue()!, f.Name))
            .OrderBy(c => c.Code)
            .Select(c => Row(c.Code.ToString(CultureInfo.InvariantCulture), CloseCodePolicy.Classify(c.Code).Name, c.Name, ClientDoes(CloseCodePolicy.Classify(c.Code).Disposition)))];

    /// <summary>One row per public property of each options type: <c>Type.Property</c> (or the prefix given) and its default.</summary>
    public static IReadOnlyList<string> DefaultRows(string prefix, object defaults) =>
        [.. defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => Row(prefix + p.Name, Format(p.GetValue(defaults))))];

    /// <summary>A table row as the doc holds it, cells joined by <c> | </c>.</summary>
    public static string Row(params string[] cells) => string.Join(" | ", cells);

    /// <summary>What the client does after a close, in the doc's words.</summary>
    public static string ClientDoes(CloseDisposition disposition) => disposition switch
    {
        CloseDisposition.Retry => "retry",
        CloseDisposition.RetryWithFreshToken => "retry with a fresh token",
        CloseDisposition.RetryAfterCapacityFloor => "retry after the capacity floor",
        CloseDisposition.Terminal => "terminal",
        _ => throw new ArgumentOutOfRangeException(nameof(disposition), disposition, null),
    };

    /// <summary>A default value in the doc's words: durations in their largest whole unit, lists comma-separated.</summary>
    public static string Format(object? value) => value switch
    {
        null => "null",
        TimeSpan t => Duration(t),
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list => $"[{string.Join(", ", list.Cast<object?>().Select(Format))}]",
        _ => value.ToString() ?? string.Empty,
    };

    private static string Duration(TimeSpan t)
    {
        var ms = (long)t.TotalMilliseconds;
        return ms switch
        {
            0 => "0 s",
            _ when ms % 3_600_000 == 0 => $"{ms / 3_600_000} h",
            _ when ms % 60_000 == 0 => $"{ms / 60_000} min",
            _ when ms % 1000 == 0 => $"{ms / 1000} s",
            _ => $"{ms} ms",
        };
    }

    /// <summary>The codec's own serializer options, once an encode has fixed their resolver.</summary>
    private static JsonSerializerOptions InitializedCodecOptions()
    {
        _ = ProtocolCodec.Encode(new LeaveMessage());
        return (JsonSerializerOptions)typeof(ProtocolCodec).GetField("Options", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
    }

    private static IEnumerable<string> FieldRows(string name, Type type, string? discriminator)
    {
        if (discriminator is not null)
        {
            yield return Row(name, discriminator, "string", "required");
        }

        // The codec's contracts are generated: an ignored property is listed with neither getter nor setter, and an
        // init-only property is a member initializer, never a required constructor parameter.
        foreach (var property in CodecOptions.GetTypeInfo(type).Properties.Where(p => p.Get is not null || p.Set is not null))
        {
            var required = property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false } ? "required" : "optional";
            yield return Row(name, property.Name, JsonType(property.PropertyType) + (property.IsSetNullable ? "?" : string.Empty), required);
        }
    }

    private static string JsonType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "string";
        }

        if (type == typeof(bool))
        {
            return "boolean";
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return "integer";
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return $"object<{JsonType(type.GetGenericArguments()[1])}>";
        }

        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? $"array<{JsonType(type.GetGenericArguments()[0])}>"
            : type.Name;
    }

    private static Type ElementOf(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : type;

    private static bool IsObject(Type type) =>
        type.IsClass && type != typeof(string) && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}
