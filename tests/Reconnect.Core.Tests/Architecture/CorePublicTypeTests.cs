using Reconnect.Core.StateMachines;

namespace Reconnect.Core.Tests.Architecture;

public sealed class CorePublicTypeTests
{
    [Fact]
    public void Public_classes_in_core_are_sealed_static_or_abstract()
    {
        var open = typeof(MachineTable<,,,>).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal);

        Assert.Equal([], open);
    }
}
