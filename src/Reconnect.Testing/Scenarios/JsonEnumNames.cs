using System.Reflection;
using System.Text.Json.Serialization;

namespace Reconnect.Testing.Scenarios;

/// <summary>The JSON names of an enum's members, read once from their <see cref="JsonStringEnumMemberNameAttribute"/>.</summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class JsonEnumNames<TEnum>
    where TEnum : struct, Enum
{
    /// <summary>Every member with its JSON name, in declaration order.</summary>
    public static IReadOnlyList<(TEnum Value, string Name)> All { get; } =
        [.. typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(field => field.MetadataToken)
            .Select(field => ((TEnum)field.GetValue(null)!,
                field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
                    ?? throw new InvalidOperationException($"{typeof(TEnum).Name}.{field.Name} has no JSON name.")))];

    /// <summary>The JSON name of a member.</summary>
    public static string NameOf(TEnum value)
    {
        foreach (var (member, name) in All)
        {
            if (EqualityComparer<TEnum>.Default.Equals(member, value))
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
    }

    /// <summary>Finds the member with a JSON name (ordinal, case-sensitive).</summary>
    public static bool TryParse(string name, out TEnum value)
    {
        foreach (var (member, memberName) in All)
        {
            if (string.Equals(memberName, name, StringComparison.Ordinal))
            {
                value = member;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every JSON name, comma separated, for error messages.</summary>
    public static string Listing => string.Join(", ", All.Select(entry => $"\"{entry.Name}\""));
}
