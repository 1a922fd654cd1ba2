using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;

namespace Reconnect.Packaging.Tests;

/// <summary>
/// Every package of the solution, packed once per test run from this configuration's build into a fresh folder, with a
/// version suffix of its own (<c>0.1.0-ci.&lt;run&gt;</c>), and a packages folder of its own for whatever restores them:
/// a package cached by an earlier run can never stand in for a broken one. Deleted at the end.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "reconnect-packaging-" + RunId);

    /// <summary>Identifies this run: the suffix of every package's version and the name of its folders.</summary>
    public static string RunId { get; } = DateTime.UtcNow.Ticks.ToString("x", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>Where the packages are.</summary>
    public string Folder => Path.Combine(_root, "feed");

    /// <summary>The NuGet packages folder every restore from this feed uses.</summary>
    public string PackagesFolder => Path.Combine(_root, "packages");

    /// <summary>A folder of this run for a consumer or a tool.</summary>
    public string WorkFolder(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    /// <summary>The version every package was packed with.</summary>
    public string Version { get; private set; } = "";

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public CommandResult Pack { get; private set; } = new(-1, "");

    /// <summary>The ids of the packages in the folder (symbol packages aside), sorted.</summary>
    public IReadOnlyList<string> PackageIds =>
        [.. Directory.EnumerateFiles(Folder, "*.nupkg").Select(Nuspec).Select(n => n.Element(n.Name.Namespace + "id")!.Value).Order(StringComparer.Ordinal)];

    /// <summary>The package file of an id.</summary>
    public string PackageFile(string id, string extension = "nupkg") => Path.Combine(Folder, $"{id}.{Version}.{extension}");

    /// <summary>The metadata element of a package's nuspec.</summary>
    public static XElement Nuspec(string packageFile)
    {
        using var package = ZipFile.OpenRead(packageFile);
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    /// <summary>The names of the files in a package.</summary>
    public static IReadOnlyList<string> Entries(string packageFile)
    {
        using var package = ZipFile.OpenRead(packageFile);
        return [.. package.Entries.Select(e => e.FullName)];
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Directory.CreateDirectory(PackagesFolder);
        var suffix = "ci." + RunId;
        Pack = await DotnetCommand.RunAsync(
            RepositoryRoot,
            PackagesFolder,
            "pack",
            Path.Combine(RepositoryRoot, "Reconnect.sln"),
            "-c",
            Configuration,
            "--no-build",
            "-o",
            Folder,
            "-p:VersionSuffix=" + suffix).ConfigureAwait(false);
        Version = VersionPrefix() + "-" + suffix;
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The one version prefix of every package, from Directory.Build.props.</summary>
    private static string VersionPrefix() =>
        XDocument.Load(Path.Combine(RepositoryRoot, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string Metadata(string key) =>
        typeof(PackedFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
