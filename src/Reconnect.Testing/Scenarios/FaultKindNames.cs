namespace Reconnect.Testing.Scenarios;

/// <summary>The JSON names of <see cref="FaultKind"/> (<c>"signalling-drop"</c>, ...), for traces and command lines.</summary>
public static class FaultKindNames
{
    /// <summary>Every fault kind's JSON name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. JsonEnumNames<FaultKind>.All.Select(entry => entry.Name)];

    /// <summary>The JSON name of a fault kind, such as <c>"signalling-drop"</c>.</summary>
    public static string ToJsonName(this FaultKind kind) => JsonEnumNames<FaultKind>.NameOf(kind);

    /// <summary>Finds the fault kind with a JSON name (exact spelling).</summary>
    public static bool TryParse(string name, out FaultKind kind) => JsonEnumNames<FaultKind>.TryParse(name, out kind);
}
