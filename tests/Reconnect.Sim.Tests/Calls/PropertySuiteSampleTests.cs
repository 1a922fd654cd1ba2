namespace Reconnect.Sim.Tests.Calls;

/// <summary>The README shows the user-written property suite verbatim, and it stays about 30 lines.</summary>
public sealed class PropertySuiteSampleTests
{
    private const string ReadmeHeading = "## Your own property suite in virtual time";

    [Fact]
    public void The_readme_shows_the_property_suite_verbatim_in_about_30_lines()
    {
        var suite = ReadmeCode.File("samples", "PropertySuite", "ParticipantListProperties.cs");

        Assert.Equal(suite, ReadmeCode.After(ReadmeHeading));
        Assert.True(ReadmeCode.CodeLines(suite) <= 30, $"the property suite has {ReadmeCode.CodeLines(suite)} lines of code, more than 30");
    }
}
