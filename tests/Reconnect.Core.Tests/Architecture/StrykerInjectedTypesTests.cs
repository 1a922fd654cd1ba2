namespace Reconnect.Core.Tests.Architecture;

public sealed class StrykerInjectedTypesTests
{
    [Theory]
    [InlineData("Stryker4zdK3O9l7jg0csn", "MutantControl", true)]
    [InlineData("Stryker4zdK3O9l7jg0csn", "MutantContext", true)]
    [InlineData("Stryker", "MutantControl", true)]
    [InlineData("Stryker4zdK3O9l7jg0csn", "CallEngine", false)]
    [InlineData("Stryker.Engine", "MutantControl", false)]
    [InlineData("Reconnect.Core.Stryker", "MutantControl", false)]
    [InlineData("Reconnect.Core", "MutantControl", false)]
    [InlineData(null, "MutantControl", false)]
    [InlineData("Strykerish_1", "MutantControl", false)]
    public void Only_the_helper_types_in_a_stryker_namespace_count_as_injected(string? @namespace, string name, bool injected) =>
        Assert.Equal(injected, StrykerInjectedTypes.IsInjected(@namespace, name));

    [Fact]
    public void A_type_nested_in_a_helper_counts_as_injected()
    {
        Assert.True(StrykerInjectedTypes.IsInjected(typeof(Stryker0TestDouble.MutantControl)));
        Assert.True(StrykerInjectedTypes.IsInjected(typeof(Stryker0TestDouble.MutantControl.Nested)));
        Assert.False(StrykerInjectedTypes.IsInjected(typeof(Reconnect.Core.Engine.CallEngine)));
        Assert.False(StrykerInjectedTypes.IsInjected(typeof(StrykerInjectedTypesTests)));
    }
}
