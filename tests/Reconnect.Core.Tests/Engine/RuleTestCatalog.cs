using System.Reflection;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Every rule test of the engine folder (each <c>*RuleTests</c> class's facts, and theories with their inline data), as
/// invocations to run by hand; properties, which draw their own inputs, are left to FsCheck.
/// </summary>
internal static class RuleTestCatalog
{
    /// <summary>Every invocation, in a fixed order: classes, then methods by name, then inline data rows.</summary>
    public static IReadOnlyList<RuleTestInvocation> All { get; } = Discover();

    private static List<RuleTestInvocation> Discover()
    {
        var ruleTests = typeof(RuleTestCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleTestCatalog).Namespace && t.Name.EndsWith("RuleTests", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        var invocations = new List<RuleTestInvocation>();
        foreach (var type in ruleTests)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true) && !m.IsDefined(typeof(FsCheck.Xunit.PropertyAttribute), inherit: true))
                .OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var rows = method.GetCustomAttributes<InlineDataAttribute>().Select(d => d.Data).ToList();
                invocations.AddRange((rows.Count == 0 ? [[]] : rows).Select(args => new RuleTestInvocation(type, method, args)));
            }
        }

        return invocations;
    }
}

/// <summary>One rule test run: a test method on a fresh instance of its class, with one row of inline data.</summary>
internal sealed record RuleTestInvocation(Type Type, MethodInfo Method, object?[] Args)
{
    /// <summary>The test's name, with its data.</summary>
    public string Name => Args.Length == 0 ? $"{Type.Name}.{Method.Name}" : $"{Type.Name}.{Method.Name}({string.Join(", ", Args)})";

    /// <summary>Runs the test; a failure surfaces as the <see cref="TargetInvocationException"/> around it.</summary>
    public void Run() => Method.Invoke(Activator.CreateInstance(Type), Args);

    /// <summary>Runs the test and returns every coverage key the engines it drove reached.</summary>
    public IReadOnlySet<string> RunCollectingKeys() =>
        EngineHarness.Collect(Run).SelectMany(h => h.Engine.Coverage.Keys).ToHashSet(StringComparer.Ordinal);
}
