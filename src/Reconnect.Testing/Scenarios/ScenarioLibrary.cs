namespace Reconnect.Testing.Scenarios;

/// <summary>
/// The folder of scenario files (<c>scenarios/*.json</c>), each named after its scenario, plus the seed demo
/// built into the assembly so it runs from anywhere.
/// </summary>
public sealed class ScenarioLibrary
{
    /// <summary>The name of the scenario that is also embedded in the assembly.</summary>
    public const string SeedDemoName = "seed-demo";

    private const string FileExtension = ".json";
    private const string FolderName = "scenarios";
    private const string SolutionFileName = "Reconnect.sln";
    private const string SeedDemoResource = "seed-demo.json";

    private static readonly Lazy<string> SeedDemoText = new(ReadSeedDemo);

    /// <summary>Opens a library in a folder of scenario files.</summary>
    public ScenarioLibrary(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder holding the scenario files.</summary>
    public string Directory { get; }

    /// <summary>The names of the scenarios in the folder (file names without <c>.json</c>, plain names only), sorted.</summary>
    public IReadOnlyList<string> Names =>
        [.. System.IO.Directory.EnumerateFiles(Directory, "*" + FileExtension)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(IsPlainName)
            .Order(StringComparer.Ordinal)];

    /// <summary>The text of the embedded seed demo, byte for byte the file <c>scenarios/seed-demo.json</c>.</summary>
    public static string SeedDemoJson => SeedDemoText.Value;

    /// <summary>The seed demo, parsed from the embedded copy: two peers, one 5 s outage, a 30 s run.</summary>
    public static Scenario SeedDemo => ScenarioLoader.Parse(SeedDemoJson, "embedded:" + SeedDemoResource);

    /// <summary>
    /// Finds the library: walking up from <paramref name="startDirectory"/> (default: the app's base directory)
    /// to the folder holding Reconnect.sln and taking its <c>scenarios</c> folder, else the <c>scenarios</c>
    /// folder copied beside the app; null when neither exists.
    /// </summary>
    public static ScenarioLibrary? Locate(string? startDirectory = null)
    {
        var start = startDirectory ?? AppContext.BaseDirectory;
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, FolderName);
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)) && System.IO.Directory.Exists(candidate))
            {
                return new ScenarioLibrary(candidate);
            }
        }

        var copied = Path.Combine(start, FolderName);
        return System.IO.Directory.Exists(copied) ? new ScenarioLibrary(copied) : null;
    }

    /// <summary>
    /// Resolves what a user typed: a path to a scenario file, else a scenario name in the located library;
    /// the seed demo resolves even when no library is found. A folder, a missing file and an unknown name are
    /// each a <see cref="ScenarioException"/> saying which.
    /// </summary>
    public static Scenario Resolve(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        if (File.Exists(nameOrPath))
        {
            return ScenarioLoader.Load(nameOrPath);
        }

        if (System.IO.Directory.Exists(nameOrPath))
        {
            throw ScenarioException.NotFound(nameOrPath, "this is a folder, not a scenario file.");
        }

        var library = Locate();
        if (library is not null && library.Contains(nameOrPath))
        {
            return library.Load(nameOrPath);
        }

        if (string.Equals(nameOrPath, SeedDemoName, StringComparison.Ordinal))
        {
            return SeedDemo;
        }

        if (!IsPlainName(nameOrPath))
        {
            throw ScenarioException.NotFound(nameOrPath, $"no such file (looked in '{Path.GetFullPath(nameOrPath)}').");
        }

        var known = library is null ? "no scenario library was found" : $"library scenarios: {string.Join(", ", library.Names)}";
        throw ScenarioException.NotFound(nameOrPath, $"no such file and no library scenario of that name; {known}.");
    }

    /// <summary>True when the folder holds a scenario with this name.</summary>
    public bool Contains(string name) => IsPlainName(name) && File.Exists(PathOf(name));

    /// <summary>The file path a scenario with this name has in the folder (whether or not it exists).</summary>
    public string PathOf(string name)
    {
        if (!IsPlainName(name))
        {
            throw new ArgumentException($"\"{name}\" is not a scenario name: use letters, digits, '-' and '_' only.", nameof(name));
        }

        return Path.Combine(Directory, name + FileExtension);
    }

    /// <summary>Loads and validates the scenario with this name; throws <see cref="ScenarioException"/> when there is none.</summary>
    public Scenario Load(string name)
    {
        var path = PathOf(name);
        return File.Exists(path)
            ? ScenarioLoader.Load(path)
            : throw new ScenarioException(path, [new ScenarioProblem("$", $"no scenario named \"{name}\"; known: {string.Join(", ", Names)}.")]);
    }

    /// <summary>Loads every scenario in the folder, in name order.</summary>
    public IReadOnlyList<Scenario> LoadAll() => [.. Names.Select(Load)];

    private static bool IsPlainName(string name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string ReadSeedDemo()
    {
        using var stream = typeof(ScenarioLibrary).Assembly.GetManifestResourceStream(SeedDemoResource)
            ?? throw new InvalidOperationException($"The embedded resource '{SeedDemoResource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
