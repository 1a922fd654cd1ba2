using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Architecture;

/// <summary>
/// What the banned-API analyzer cannot see, read from the compiled core: a <c>lock</c> statement compiles to
/// references to Monitor (or Lock), and every <c>async</c> method or lambda to a state machine implementing IAsyncStateMachine.
/// </summary>
public sealed class CoreCompiledPurityTests
{
    private static readonly (string Namespace, string Name, string Why)[] Banned =
    [
        ("System.Threading", "Monitor", "lock"),
        ("System.Threading", "Lock", "lock"),
        ("System.Runtime.CompilerServices", "IAsyncStateMachine", "async"),
    ];

    private static readonly object Gate = new();

    [Fact]
    public void Core_assembly_uses_no_lock_and_no_async() =>
        Assert.Equal([], BannedReferences(typeof(MachineTable<,,,>).Assembly.Location));

    [Fact]
    public void The_scan_finds_a_lock_and_an_async_method() =>
        Assert.Equal(["async (System.Runtime.CompilerServices.IAsyncStateMachine)", "lock (System.Threading.Monitor)"], BannedReferences(typeof(CoreCompiledPurityTests).Assembly.Location));

    private static List<string> BannedReferences(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        return
        [
            .. metadata.TypeReferences
                .Select(handle => metadata.GetTypeReference(handle))
                .Select(reference => (Namespace: metadata.GetString(reference.Namespace), Name: metadata.GetString(reference.Name)))
                .SelectMany(reference => Banned.Where(b => b.Namespace == reference.Namespace && b.Name == reference.Name))
                .Select(b => $"{b.Why} ({b.Namespace}.{b.Name})")
                .Distinct()
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>The scan's own positive example: this test assembly holds one lock and one async method.</summary>
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
