using System.Reflection;
using Reconnect.Core.Engine;
using Reconnect.Transports.InMemory;

namespace Reconnect.Transports.Tests.Architecture;

/// <summary>
/// The SDK assembly (pump, facade, DI, hosting) stands on the pure core alone: the server's channel logic and the
/// in-memory transport built on it live in their own assemblies, which the simulator and the tests use.
/// </summary>
public sealed class PackageBoundaryTests
{
    private const string Core = "Reconnect.Core";
    private const string Channel = "Reconnect.Channel";
    private const string Sdk = "Reconnect.Transports";
    private const string InMemory = "Reconnect.Transports.InMemory";

    [Fact]
    public void The_sdk_assembly_references_the_core_but_neither_the_channel_logic_nor_the_in_memory_transport()
    {
        var references = ReferencedAssemblies(typeof(ReconnectClient).Assembly);

        Assert.Contains(Core, references);
        Assert.DoesNotContain(Channel, references);
        Assert.DoesNotContain(InMemory, references);
    }

    [Fact]
    public void The_core_assembly_references_neither_the_channel_logic_nor_the_sdk()
    {
        var references = ReferencedAssemblies(typeof(CallEngine).Assembly);

        Assert.DoesNotContain(Channel, references);
        Assert.DoesNotContain(Sdk, references);
        Assert.DoesNotContain(InMemory, references);
    }

    [Fact]
    public void The_in_memory_transport_is_its_own_assembly_over_the_sdk_and_the_channel_logic()
    {
        var assembly = typeof(InMemorySignallingServer).Assembly;
        var references = ReferencedAssemblies(assembly);

        Assert.Equal(InMemory, assembly.GetName().Name);
        Assert.Contains(Sdk, references);
        Assert.Contains(Channel, references);
    }

    private static SortedSet<string> ReferencedAssemblies(Assembly assembly) =>
        new(assembly.GetReferencedAssemblies().Select(a => a.Name!), StringComparer.Ordinal);
}
