using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

public sealed class ScenarioLibraryTests
{
    [Fact]
    public void Library_is_found_beside_the_solution_from_the_test_binaries()
    {
        var library = ScenarioLibrary.Locate();

        Assert.NotNull(library);
        Assert.Equal(Path.GetFullPath(RepositoryFolders.Scenarios), library.Directory);
    }

    [Fact]
    public void Library_lists_every_file_by_name_in_order()
    {
        var library = new ScenarioLibrary(RepositoryFolders.Scenarios);

        Assert.Equal(
            RepositoryFolders.ScenarioFiles.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            library.Names);
        Assert.Contains(ScenarioLibrary.SeedDemoName, library.Names);
    }

    [Fact]
    public void Library_loads_a_scenario_by_name()
    {
        var library = new ScenarioLibrary(RepositoryFolders.Scenarios);

        Assert.Equal("evicted-stop", library.Load("evicted-stop").Name);
        Assert.True(library.Contains("evicted-stop"));
        Assert.False(library.Contains("no-such-scenario"));
    }

    [Fact]
    public void Unknown_name_is_rejected_listing_the_known_ones()
    {
        var library = new ScenarioLibrary(RepositoryFolders.Scenarios);

        var error = Assert.Throws<ScenarioException>(() => library.Load("no-such-scenario"));

        Assert.Contains("no scenario named \"no-such-scenario\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(ScenarioLibrary.SeedDemoName, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("a/b")]
    [InlineData("x.received")]
    [InlineData("")]
    public void Name_that_is_not_a_plain_file_name_is_refused(string name)
    {
        var library = new ScenarioLibrary(RepositoryFolders.Scenarios);

        Assert.Throws<ArgumentException>(() => library.PathOf(name));
        Assert.False(library.Contains(name));
    }

    [Fact]
    public void Copied_scenarios_folder_beside_the_app_is_found_outside_a_repository()
    {
        using var folder = new TemporaryFolder();
        var scenarios = Directory.CreateDirectory(Path.Combine(folder.Path, "scenarios")).FullName;
        File.WriteAllText(Path.Combine(scenarios, "only.json"), ScenarioLoader.ToJson(ScenarioSamples.TwoPeers with { Name = "only" }));
        File.WriteAllText(Path.Combine(scenarios, "only.received.json"), "{}");

        var library = ScenarioLibrary.Locate(folder.Path);

        Assert.NotNull(library);
        Assert.Equal(["only"], library.Names);
        Assert.Equal("only", library.Load("only").Name);
    }

    [Fact]
    public void No_library_is_found_where_there_is_no_scenarios_folder()
    {
        using var folder = new TemporaryFolder();

        Assert.Null(ScenarioLibrary.Locate(folder.Path));
    }

    [Fact]
    public void Resolve_takes_a_file_path_or_a_library_name()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "mine.json");
        File.WriteAllText(path, ScenarioLoader.ToJson(ScenarioSamples.TwoPeers));

        Assert.Equal(ScenarioSamples.TwoPeers, ScenarioLibrary.Resolve(path));
        Assert.Equal(ScenarioLibrary.SeedDemo, ScenarioLibrary.Resolve(ScenarioLibrary.SeedDemoName));
        Assert.Equal("clock-jump", ScenarioLibrary.Resolve("clock-jump").Name);
        Assert.Throws<ScenarioException>(() => ScenarioLibrary.Resolve("nowhere-to-be-found"));
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public TemporaryFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"scenario-library-{Guid.NewGuid():N}");

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
