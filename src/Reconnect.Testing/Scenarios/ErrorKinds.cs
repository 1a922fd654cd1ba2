using Reconnect.Core.Engine;

namespace Reconnect.Testing.Scenarios;

/// <summary>The names of the error kinds the engine can raise: every concrete <see cref="ReconnectError"/> type.</summary>
public static class ErrorKinds
{
    /// <summary>Every error kind name (such as <c>TerminalCloseError</c>), sorted.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. typeof(ReconnectError).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(ReconnectError)) && !type.IsAbstract)
            .Select(type => type.Name)
            .Order(StringComparer.Ordinal)];

    /// <summary>The kind name of an error, as written in a scenario's expectations.</summary>
    public static string Of(ReconnectError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.GetType().Name;
    }
}
