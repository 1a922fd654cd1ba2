using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Architecture;

/// <summary>
/// What the banned-API analyzer cannot see, read from the compiled core: a <c>lock</c> statement compiles to calls
/// on Monitor (or Lock), and every <c>async</c> method or lambda to a state machine implementing IAsyncStateMachine.
/// Each type is read on its own (its method bodies and the interfaces it implements), so the helpers Stryker.NET
/// injects into a mutated core (<see cref="StrykerInjectedTypes"/>) are skipped and every other type is checked.
/// </summary>
public sealed class CoreCompiledPurityTests
{
    private static readonly (string Namespace, string Name, string Why)[] Banned =
    [
        ("System.Threading", "Monitor", "lock"),
        ("System.Threading", "Lock", "lock"),
        ("System.Runtime.CompilerServices", "IAsyncStateMachine", "async"),
    ];

    private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(op => op.Value, op => op.OperandType);

    private static readonly object Gate = new();

    [Fact]
    public void Core_assembly_uses_no_lock_and_no_async() =>
        Assert.Equal([], BannedUses(typeof(MachineTable<,,,>).Assembly.Location));

    [Fact]
    public void The_scan_finds_a_lock_and_an_async_method_and_skips_strykers_helpers() =>
        Assert.Equal(
        [
            "Reconnect.Core.Tests.Architecture.CoreCompiledPurityTests: async (System.Runtime.CompilerServices.IAsyncStateMachine)",
            "Reconnect.Core.Tests.Architecture.CoreCompiledPurityTests: lock (System.Threading.Monitor)",
        ],
            BannedUses(typeof(CoreCompiledPurityTests).Assembly.Location));

    /// <summary>"Type: why (banned type)" for each top-level type whose own code, or nested types, use a banned type.</summary>
    private static List<string> BannedUses(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        return
        [
            .. metadata.TypeDefinitions
                .Select(metadata.GetTypeDefinition)
                .Select(type => (Owner: Outermost(metadata, type), Used: UsedTypes(pe, metadata, type)))
                .Where(t => !StrykerInjectedTypes.IsInjected(metadata.GetString(t.Owner.Namespace), metadata.GetString(t.Owner.Name)))
                .SelectMany(t => t.Used
                    .SelectMany(used => Banned.Where(b => b.Namespace == used.Namespace && b.Name == used.Name))
                    .Select(b => $"{FullName(metadata, t.Owner)}: {b.Why} ({b.Namespace}.{b.Name})"))
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The referenced types a type implements, and whose members its method bodies call or load.</summary>
    private static IEnumerable<(string Namespace, string Name)> UsedTypes(PEReader pe, MetadataReader metadata, TypeDefinition type)
    {
        var interfaces = type.GetInterfaceImplementations()
            .Select(i => metadata.GetInterfaceImplementation(i).Interface);
        var members = type.GetMethods()
            .Select(metadata.GetMethodDefinition)
            .Where(m => m.RelativeVirtualAddress != 0)
            .SelectMany(m => Tokens(pe.GetMethodBody(m.RelativeVirtualAddress).GetILReader()))
            .Select(token => MetadataTokens.EntityHandle(token))
            .Where(handle => handle.Kind == HandleKind.MemberReference)
            .Select(handle => metadata.GetMemberReference((MemberReferenceHandle)handle).Parent);
        return interfaces.Concat(members)
            .Where(handle => handle.Kind == HandleKind.TypeReference)
            .Select(handle => metadata.GetTypeReference((TypeReferenceHandle)handle))
            .Select(reference => (metadata.GetString(reference.Namespace), metadata.GetString(reference.Name)));
    }

    /// <summary>The metadata tokens among the operands of a method body's instructions.</summary>
    private static List<int> Tokens(BlobReader il)
    {
        var tokens = new List<int>();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var code = first == 0xFE ? (short)(0xFE00 | il.ReadByte()) : (short)first;
            switch (Operands[code])
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok or OperandType.InlineType:
                    tokens.Add(il.ReadInt32());
                    break;
                case OperandType.InlineSwitch:
                    var targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    il.Offset += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    il.Offset += 4;
                    break;
                case OperandType.InlineVar:
                    il.Offset += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    il.Offset += 1;
                    break;
                default:
                    break;
            }
        }

        return tokens;
    }

    private static TypeDefinition Outermost(MetadataReader metadata, TypeDefinition type)
    {
        while (!type.GetDeclaringType().IsNil)
        {
            type = metadata.GetTypeDefinition(type.GetDeclaringType());
        }

        return type;
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type) =>
        $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}";

    /// <summary>The scan's own positive example: this test assembly holds one lock and one async method here.</summary>
    internal static async Task<int> LockedThenAwaitedAsync()
    {
        lock (Gate)
        {
            _ = Gate.GetHashCode();
        }

        await Task.Yield();
        return 1;
    }
}
