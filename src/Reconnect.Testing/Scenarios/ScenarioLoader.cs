using System.Text.Json;
using System.Text.RegularExpressions;

namespace Reconnect.Testing.Scenarios;

/// <summary>Reads scenarios from JSON (strictly, then validated), writes them back, and lists their problems.</summary>
public static partial class ScenarioLoader
{
    /// <summary>Reads and validates the scenario in a file; throws <see cref="ScenarioException"/> naming the file.</summary>
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, [new ScenarioProblem("$", $"cannot read the file: {error.Message}")], error);
        }

        return Parse(json, path);
    }

    /// <summary>Reads and validates a scenario; <paramref name="sourceName"/> names it in errors.</summary>
    public static Scenario Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, ScenarioJson.Options);
        }
        catch (JsonException error)
        {
            throw new ScenarioException(sourceName, [new ScenarioProblem(error.Path ?? "$", Describe(error))], error);
        }

        if (scenario is null)
        {
            throw new ScenarioException(sourceName, [new ScenarioProblem("$", "expected a scenario object, found null.")]);
        }

        var problems = Validate(scenario);
        return problems.Count == 0 ? scenario : throw new ScenarioException(sourceName, problems);
    }

    /// <summary>
    /// Writes a scenario as indented JSON with a fixed property order, leaving out values equal to their defaults;
    /// <see cref="Parse"/> reads it back to an equal scenario.
    /// </summary>
    public static string ToJson(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, ScenarioJson.Options);
    }

    /// <summary>Every problem with a scenario at once (unknown peers, missing or stray fault fields, bad ranges, duplicates); empty when valid.</summary>
    public static IReadOnlyList<ScenarioProblem> Validate(Scenario scenario) => ScenarioValidator.Check(scenario);

    /// <summary>The serializer's message in scenario terms, with the line and column.</summary>
    private static string Describe(JsonException error)
    {
        var location = error.LineNumber is { } line
            ? $" (line {line + 1}, column {(error.BytePositionInLine ?? 0) + 1})"
            : string.Empty;
        var message = error.Message;
        var pathNote = message.IndexOf(" Path: ", StringComparison.Ordinal);
        message = (pathNote >= 0 ? message[..pathNote] : message).Replace(typeof(Scenario).Namespace + ".", string.Empty, StringComparison.Ordinal);
        message = UnmappedProperty().Replace(message, "unknown property '$1' in $2.");
        message = NullNotAllowed().Replace(message, "'$1' must not be null.");
        message = NotConverted().Replace(message, match => $"expected {Expected(match.Groups[1].Value)}.");
        return message + location;
    }

    /// <summary>What a JSON value of a .NET type must look like, in the scenario's words.</summary>
    private static string Expected(string type) => type switch
    {
        "System.Int32" => $"a whole number from {int.MinValue} to {int.MaxValue} (no fraction, exponent or quotes)",
        "System.UInt64" => $"a whole number from 0 to {ulong.MaxValue} (no fraction, exponent, sign or quotes)",
        "System.Double" => "a number (no quotes)",
        "System.Boolean" => "true or false (no quotes)",
        "System.String" => "a string in double quotes",
        _ => "a value of type " + type,
    };

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member contained in type '(\w+)'\.$", RegexOptions.Singleline)]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^The property or field '(\w+)' on type '\w+' doesn't allow setting null values\..*$", RegexOptions.Singleline)]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"^The JSON value could not be converted to (?:System\.Nullable`1\[)?([\w.]+)\]?\.$", RegexOptions.Singleline)]
    private static partial Regex NotConverted();
}
