using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

public sealed class ScenarioFileTests
{
    private const string AcceptVariable = "RECONNECT_ACCEPT_SCENARIOS";

    public static TheoryData<string> FileNames => new(RepositoryFolders.ScenarioFiles.Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Library_file_parses_and_validates(string fileName)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryFolders.Scenarios, fileName));

        Assert.Empty(ScenarioLoader.Validate(scenario));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Library_file_is_named_after_its_scenario_and_describes_it(string fileName)
    {
        var scenario = ScenarioLoader.Load(Path.Combine(RepositoryFolders.Scenarios, fileName));

        Assert.Equal(Path.GetFileNameWithoutExtension(fileName), scenario.Name);
        Assert.True(scenario.Description.Length >= 80, $"{fileName}: the description should say what the scenario shows and what must hold.");
        Assert.NotNull(scenario.Expect);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Library_file_is_written_in_canonical_form(string fileName)
    {
        var path = Path.Combine(RepositoryFolders.Scenarios, fileName);
        var receivedPath = Path.ChangeExtension(path, ".received.json");
        var canonical = ScenarioLoader.ToJson(ScenarioLoader.Load(path)) + "\n";

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(path, canonical);
            File.Delete(receivedPath);
            return;
        }

        if (File.ReadAllText(path) == canonical)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, canonical);
        Assert.Fail(
            $"scenarios/{fileName} is not in canonical form (the form ScenarioLoader.ToJson writes); it was written to "
            + $"scenarios/{Path.GetFileName(receivedPath)}. Accept it: {AcceptVariable}=1 dotnet test tests/Reconnect.Sim.Tests --filter Scenarios");
    }

    [Fact]
    public void Embedded_seed_demo_is_the_library_file()
    {
        var path = Path.Combine(RepositoryFolders.Scenarios, ScenarioLibrary.SeedDemoName + ".json");

        Assert.Equal(File.ReadAllText(path), ScenarioLibrary.SeedDemoJson);
        Assert.Equal(ScenarioLoader.Load(path), ScenarioLibrary.SeedDemo);
    }

    [Fact]
    public void Seed_demo_takes_A_offline_for_five_seconds_at_ten_seconds_in_a_thirty_second_run()
    {
        var demo = ScenarioLibrary.SeedDemo;

        Assert.Equal("seed-demo", demo.Name);
        Assert.Equal(30_000, demo.DurationMs);
        Assert.Equal(
            [("A", "room-42", "camA"), ("B", "room-42", "camB")],
            demo.Peers.Select(p => (p.Name, p.Channel, Assert.Single(p.Streams).Id)));
        Assert.Equal(
            new FaultSpec { AtMs = 10_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 5_000 },
            Assert.Single(demo.Timeline));
    }

    [Fact]
    public void Docs_list_every_library_scenario_and_only_those()
    {
        var docs = File.ReadAllText(RepositoryFolders.ScenarioDocs);
        var listed = docs.Split('\n')
            .Where(line => line.StartsWith("| [`", StringComparison.Ordinal))
            .Select(line => line[4..line.IndexOf('`', 4)])
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            RepositoryFolders.ScenarioFiles.Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            listed);
    }

    [Fact]
    public void Docs_describe_every_fault_kind_and_every_field()
    {
        var docs = File.ReadAllText(RepositoryFolders.ScenarioDocs);
        var recordTypes = new[]
        {
            typeof(Scenario), typeof(NetworkSettings), typeof(ServerSettings), typeof(PeerSpec), typeof(StreamSpec),
            typeof(PeerOptionsSpec), typeof(FaultSpec), typeof(ScenarioExpectations), typeof(PeerCount),
        };
        var fields = recordTypes
            .SelectMany(type => type.GetProperties())
            .Where(property => property.CanWrite)
            .Select(property => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name));

        var missing = FaultKindNames.All.Select(kind => $"`{kind}`")
            .Concat(fields.Select(field => $"`{field}`"))
            .Concat(["`rejoin`", "`stop`", "`signalling`", "`media`", "`outbound`", "`inbound`", "`server`"])
            .Where(term => !docs.Contains(term, StringComparison.Ordinal))
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, $"docs/scenarios.md does not mention: {string.Join(", ", missing)}");
    }
}
