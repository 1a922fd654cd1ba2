using System.Text.Json;
using System.Xml.Linq;

namespace Reconnect.Packaging.Tests;

/// <summary>
/// Reconnect ships as NuGet packages a consumer can restore: every library of src/ and the simulator tool pack with real
/// metadata, and a project that references the packages only (no project reference) restores, builds and runs a call.
/// </summary>
public sealed class PackageTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    private static readonly string[] Libraries =
        ["Reconnect.Channel", "Reconnect.Core", "Reconnect.Server", "Reconnect.Testing", "Reconnect.Transports", "Reconnect.Transports.InMemory"];

    private const string Tool = "Reconnect.Sim";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_library_and_the_simulator_tool_pack_with_symbols_at_one_version()
    {
        Assert.True(feed.Pack.ExitCode == 0, feed.Pack.Output);
        Assert.Equal([.. Libraries.Append(Tool).Order(StringComparer.Ordinal)], feed.PackageIds);
        foreach (var id in feed.PackageIds)
        {
            Assert.Equal(feed.Version, PackedFeed.Nuspec(feed.PackageFile(id)).Element(Ns(feed.PackageFile(id)) + "version")!.Value);
            Assert.True(File.Exists(feed.PackageFile(id, "snupkg")), $"{id} has no symbol package");
        }
    }

    [Fact]
    public void Every_package_carries_its_description_licence_readme_tags_and_repository()
    {
        Assert.True(feed.Pack.ExitCode == 0, feed.Pack.Output);
        foreach (var id in feed.PackageIds)
        {
            var file = feed.PackageFile(id);
            var metadata = PackedFeed.Nuspec(file);
            var ns = Ns(file);
            var description = metadata.Element(ns + "description")!.Value;
            Assert.True(description.Length > 80 && description != "Package Description", $"{id}: description '{description}'");
            Assert.Equal(("expression", "MIT"), ((string?)metadata.Element(ns + "license")?.Attribute("type"), metadata.Element(ns + "license")?.Value));
            Assert.Equal("Reconnect contributors", metadata.Element(ns + "authors")?.Value);
            Assert.Contains("reconnect", metadata.Element(ns + "tags")?.Value ?? "", StringComparison.Ordinal);
            Assert.Equal("git", (string?)metadata.Element(ns + "repository")?.Attribute("type"));
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            var entries = PackedFeed.Entries(file);
            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
        }
    }

    [Fact]
    public void Every_library_ships_its_assembly_with_xml_docs_and_nothing_for_the_consumers_output()
    {
        Assert.True(feed.Pack.ExitCode == 0, feed.Pack.Output);
        foreach (var id in Libraries)
        {
            var entries = PackedFeed.Entries(feed.PackageFile(id));
            Assert.Contains($"lib/net10.0/{id}.dll", entries);
            Assert.Contains($"lib/net10.0/{id}.xml", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("content", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_consumer_of_the_packages_alone_restores_builds_and_runs_a_call()
    {
        Assert.True(feed.Pack.ExitCode == 0, feed.Pack.Output);
        var consumer = feed.WorkFolder("consumer");
        foreach (var file in Directory.EnumerateFiles(Path.Combine(PackedFeed.RepositoryRoot, "tests", "Reconnect.Packaging.Tests", "Consumer")))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        await WriteNuGetConfigAsync(consumer);

        var build = await DotnetCommand.RunAsync(consumer, feed.PackagesFolder, "build", "Consumer.csproj", "-c", "Release", "-p:ReconnectVersion=" + feed.Version);
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal([.. Libraries.Select(id => $"{id}/{feed.Version}").Order(StringComparer.Ordinal)], RestoredReconnectPackages(consumer));

        var run = await DotnetCommand.RunAsync(consumer, feed.PackagesFolder, Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"));
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("seed demo healed in virtual time", run.Output, StringComparison.Ordinal);
        Assert.Contains("virtual call healed after a cut and a drawn fault schedule", run.Output, StringComparison.Ordinal);
        Assert.Contains("call connected: alice sees bob, bob sees alice", run.Output, StringComparison.Ordinal);
        Assert.Contains("the app surface builds with using Reconnect alone", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_tool_installs_from_the_packages_and_runs_the_seed_demo()
    {
        Assert.True(feed.Pack.ExitCode == 0, feed.Pack.Output);
        var folder = feed.WorkFolder("tool");
        await WriteNuGetConfigAsync(folder);
        var tools = Path.Combine(folder, "tools");

        var install = await DotnetCommand.RunAsync(folder, feed.PackagesFolder, "tool", "install", Tool, "--version", feed.Version, "--tool-path", tools, "--configfile", Path.Combine(folder, "nuget.config"));
        Assert.True(install.ExitCode == 0, install.Output);

        var run = await DotnetCommand.RunProgramAsync(Path.Combine(tools, "reconnect-sim"), folder, feed.PackagesFolder);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("PASS", run.Output, StringComparison.Ordinal);
    }

    private static XNamespace Ns(string packageFile) => PackedFeed.Nuspec(packageFile).Name.Namespace;

    /// <summary>
    /// A nuget.config that lists the packed folder first, then the sources this machine's own restores use (the user's
    /// and machine's NuGet settings, read before the file exists), with nothing else inherited.
    /// </summary>
    private async Task WriteNuGetConfigAsync(string folder)
    {
        var list = await DotnetCommand.RunAsync(folder, feed.PackagesFolder, "nuget", "list", "source", "--format", "short");
        Assert.True(list.ExitCode == 0, list.Output);
        var sources = list.Output.Split('\n', StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        Assert.True(sources.Count > 0, "No enabled NuGet source on this machine:\n" + list.Output);
        var config = new XDocument(new XElement(
            "configuration",
            new XElement("config", new XElement("add", new XAttribute("key", "globalPackagesFolder"), new XAttribute("value", feed.PackagesFolder))),
            new XElement(
                "packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "reconnect-packed"), new XAttribute("value", feed.Folder)),
                sources.Select((source, i) => new XElement("add", new XAttribute("key", $"machine-{i}"), new XAttribute("value", source))))));
        await File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), config.ToString(), Ct);
    }

    /// <summary>The Reconnect libraries the consumer's restore resolved, as id/version, each checked to be a package (not a project).</summary>
    private static List<string> RestoredReconnectPackages(string consumer)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Name.StartsWith("Reconnect.", StringComparison.Ordinal))
            .ToList();
        Assert.All(libraries, library => Assert.Equal("package", library.Value.GetProperty("type").GetString()));
        return [.. libraries.Select(library => library.Name).Order(StringComparer.Ordinal)];
    }
}
