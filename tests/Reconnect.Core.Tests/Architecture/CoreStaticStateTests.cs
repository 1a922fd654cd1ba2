using System.Reflection;
using System.Runtime.CompilerServices;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Architecture;

public sealed class CoreStaticStateTests
{
    private const BindingFlags StaticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    [Fact]
    public void Core_has_no_mutable_static_fields()
    {
        var mutable = typeof(StateMachine<,,,>).Assembly.GetTypes()
            .Where(t => !IsCompilerGenerated(t))
            .SelectMany(t => t.GetFields(StaticFields).Select(f => (Type: t, Field: f)))
            .Where(x => !x.Field.IsInitOnly && !x.Field.IsLiteral)
            .Select(x => $"{x.Type.FullName}.{x.Field.Name}")
            .Order(StringComparer.Ordinal);

        Assert.Equal([], mutable);
    }

    /// <summary>
    /// Closure and lambda-cache classes, and the compiler's private implementation details, hold static fields the
    /// compiler writes once. Backing fields of static auto-properties are checked: a settable one is a mutable static.
    /// </summary>
    private static bool IsCompilerGenerated(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || t.Name.StartsWith('<'))
            {
                return true;
            }
        }

        return false;
    }
}
