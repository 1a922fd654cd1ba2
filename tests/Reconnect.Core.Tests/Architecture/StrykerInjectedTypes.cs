using System.Text.RegularExpressions;

namespace Reconnect.Core.Tests.Architecture;

/// <summary>
/// The helper types Stryker.NET compiles into the assembly it mutates (scripts/mutation-test): <c>MutantControl</c>
/// (which mutant is switched on, coverage capture) and <c>MutantContext</c>, declared in a namespace named
/// <c>Stryker</c> followed by random letters and digits, and the compiler-generated types nested in them. The
/// architecture scans of the compiled core skip exactly these: any other type, whatever its name, is still checked.
/// </summary>
internal static partial class StrykerInjectedTypes
{
    private static readonly string[] HelperTypes = ["MutantControl", "MutantContext"];

    /// <summary>Whether a top-level type (namespace and name) is one of Stryker's helpers.</summary>
    public static bool IsInjected(string? @namespace, string topLevelName) =>
        @namespace is not null && HelperNamespace().IsMatch(@namespace) && HelperTypes.Contains(topLevelName, StringComparer.Ordinal);

    /// <summary>Whether a type is one of Stryker's helpers or nested in one.</summary>
    public static bool IsInjected(Type type)
    {
        var outermost = type;
        while (outermost.DeclaringType is { } declaring)
        {
            outermost = declaring;
        }

        return IsInjected(outermost.Namespace, outermost.Name);
    }

    [GeneratedRegex("^Stryker[A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex HelperNamespace();
}
