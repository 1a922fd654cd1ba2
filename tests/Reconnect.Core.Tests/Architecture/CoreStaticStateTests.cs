using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Architecture;

/// <summary>
/// The core holds no mutable static state: every static field of every type in the compiled assembly (nested and
/// compiler-generated types included) is a constant, or readonly and holding nothing mutable through it. The helpers
/// Stryker.NET injects into a mutated core (<see cref="StrykerInjectedTypes"/>) are not the core's state and are skipped.
/// </summary>
public sealed partial class CoreStaticStateTests
{
    private const BindingFlags StaticFields = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly string[] ImmutableNamespaces = ["System.Collections.Immutable", "System.Collections.Frozen"];

    [Fact]
    public void Core_has_no_mutable_static_fields()
    {
        var offending = typeof(MachineTable<,,,>).Assembly.GetTypes()
            .Where(t => !StrykerInjectedTypes.IsInjected(t))
            .SelectMany(t => t.GetFields(StaticFields))
            .Select(f => (Field: f, Why: WhyMutable(f)))
            .Where(x => x.Why is not null)
            .Select(x => $"{x.Field.DeclaringType!.FullName}.{x.Field.Name}: {x.Why}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offending.Count == 0, "Reconnect.Core must hold no mutable static state:\n" + string.Join('\n', offending));
    }

    [Theory]
    [InlineData(typeof(int[]), true)]
    [InlineData(typeof(List<int>), true)]
    [InlineData(typeof(Dictionary<string, int>), true)]
    [InlineData(typeof(HashSet<string>), true)]
    [InlineData(typeof(System.Collections.ObjectModel.ReadOnlyCollection<int>), true)]
    [InlineData(typeof(System.Collections.Immutable.ImmutableArray<int>), false)]
    [InlineData(typeof(System.Collections.Immutable.ImmutableSortedDictionary<string, int>), false)]
    [InlineData(typeof(System.Collections.Frozen.FrozenSet<string>), false)]
    [InlineData(typeof(string), false)]
    [InlineData(typeof(TimeSpan), false)]
    public void Arrays_and_collections_outside_the_immutable_namespaces_count_as_mutable(Type type, bool mutable) =>
        Assert.Equal(mutable, IsMutableCollection(type));

    [Fact]
    public void A_read_only_interface_over_an_array_counts_as_mutable() =>
        Assert.Equal("holds a System.Int32[]", WhyMutable(typeof(Holders).GetField(nameof(Holders.ArrayBehindInterface), StaticFields)!));

    [Fact]
    public void A_settable_static_counts_as_mutable() =>
        Assert.Equal("not readonly", WhyMutable(typeof(Holders).GetField(nameof(Holders.Settable), StaticFields)!));

    /// <summary>Why the field is mutable static state, or null when it is not.</summary>
    private static string? WhyMutable(FieldInfo field)
    {
        if (field.IsLiteral || IsCompilerWrittenOnce(field))
        {
            return null;
        }

        if (!field.IsInitOnly)
        {
            return "not readonly";
        }

        var held = field.DeclaringType!.ContainsGenericParameters ? field.FieldType : field.GetValue(null)?.GetType() ?? field.FieldType;
        return IsMutableCollection(field.FieldType) && IsMutableCollection(held) ? $"holds a {held.FullName}" : null;
    }

    /// <summary>
    /// An array, or a collection whose type is not from System.Collections.Immutable or System.Collections.Frozen:
    /// read-only wrappers and interfaces count, since whoever holds the underlying collection can still change it.
    /// </summary>
    private static bool IsMutableCollection(Type type) =>
        type.IsArray
        || (type != typeof(string)
            && typeof(IEnumerable).IsAssignableFrom(type)
            && !ImmutableNamespaces.Contains(type.Namespace, StringComparer.Ordinal));

    /// <summary>
    /// Exactly three compiler-written fields are allowed, all written before any reader can see them and never changed:
    /// the lambda caches of a <c>&lt;&gt;c</c> class (its singleton <c>&lt;&gt;9</c> and its delegate caches
    /// <c>&lt;&gt;9__*</c>, each written once with an equivalent delegate), the method-group delegate caches of a
    /// <c>&lt;&gt;O</c> class (<c>&lt;0&gt;__Name</c>, likewise; the generated JSON contracts of the protocol use them),
    /// and data blocks mapped from the image (field RVA, used for constant array and span initialisers). Every other
    /// field, compiler-generated or not, is checked.
    /// </summary>
    private static bool IsCompilerWrittenOnce(FieldInfo field)
    {
        var owner = field.DeclaringType!;
        if (field.Attributes.HasFlag(FieldAttributes.HasFieldRVA))
        {
            return true;
        }

        var lambdaCache = (owner.Name == "<>c" || GenericLambdaCache().IsMatch(owner.Name))
            && owner.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
        var methodGroupCache = owner.Name == "<>O" && owner.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
            && MethodGroupCacheField().IsMatch(field.Name) && typeof(Delegate).IsAssignableFrom(field.FieldType);
        return methodGroupCache
            || (lambdaCache
                && ((field.Name == "<>9" && field.IsInitOnly && field.FieldType == owner)
                    || (field.Name.StartsWith("<>9__", StringComparison.Ordinal) && typeof(Delegate).IsAssignableFrom(field.FieldType))));
    }

    /// <summary>The lambda cache the compiler writes for a generic method: <c>&lt;&gt;c__3`4</c>.</summary>
    [GeneratedRegex(@"^<>c__\d+`\d+$")]
    private static partial Regex GenericLambdaCache();

    /// <summary>A method-group delegate cache field the compiler writes in a <c>&lt;&gt;O</c> class: <c>&lt;0&gt;__Name</c>.</summary>
    [GeneratedRegex(@"^<\d+>__\w+$")]
    private static partial Regex MethodGroupCacheField();

    private static class Holders
    {
#pragma warning disable CA2211 // the rule's own negative examples
        public static IReadOnlyList<int> Settable = [];
#pragma warning restore CA2211

        public static readonly IReadOnlyList<int> ArrayBehindInterface = new[] { 1, 2 };
    }
}
