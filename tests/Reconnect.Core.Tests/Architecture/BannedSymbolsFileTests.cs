using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Reconnect.Core.Tests.Architecture;

/// <summary>
/// The core's BannedSymbols.txt is wired into its build and names only real symbols: the analyzer silently ignores an
/// entry it cannot resolve, so a typo there would lift a ban without anyone noticing.
/// </summary>
public sealed class BannedSymbolsFileTests
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;

    private static readonly string CoreFolder = Path.Combine(RepositoryRoot.Path, "src", "Reconnect.Core");

    private static readonly Lazy<FrameworkIndex> Framework = new(FrameworkIndex.Read);

    public static TheoryData<string> Entries => new(
        File.ReadAllLines(Path.Combine(CoreFolder, "BannedSymbols.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal)));

    [Fact]
    public void Core_project_runs_the_banned_api_analyzer_over_its_list()
    {
        var project = XDocument.Load(Path.Combine(CoreFolder, "Reconnect.Core.csproj"));
        var items = project.Descendants().Select(e => (Kind: e.Name.LocalName, Include: (string?)e.Attribute("Include"))).ToList();

        Assert.Contains(("PackageReference", "Microsoft.CodeAnalysis.BannedApiAnalyzers"), items);
        Assert.Contains(("AdditionalFiles", "BannedSymbols.txt"), items);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_names_a_real_symbol_and_says_why(string entry)
    {
        var separator = entry.IndexOf(';', StringComparison.Ordinal);
        Assert.True(separator > 0 && entry[(separator + 1)..].Trim().Length > 0, $"'{entry}' has no reason after ';'");
        var id = entry[..separator];
        Assert.True(Resolves(id), $"'{id}' names no symbol in the shared framework");
    }

    [Theory]
    [InlineData("T:System.Randm")]
    [InlineData("P:System.DateTime.UtcNoww")]
    [InlineData("M:System.Guid.NewGuid(System.Int32)")]
    [InlineData("N:System.Net.Sockett")]
    [InlineData("X:System.Random")]
    public void A_misspelt_id_does_not_resolve(string id) => Assert.False(Resolves(id));

    private static bool Resolves(string id)
    {
        var kind = id[..2];
        var name = id[2..];
        if (kind == "N:")
        {
            return Framework.Value.Namespaces.Contains(name);
        }

        if (kind == "T:")
        {
            return Framework.Value.Type(name) is not null;
        }

        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        var path = parameters < 0 ? name : name[..parameters];
        var dot = path.LastIndexOf('.');
        var type = dot < 0 ? null : Framework.Value.Type(path[..dot]);
        if (type is null)
        {
            return false;
        }

        var member = path[(dot + 1)..];
        return kind switch
        {
            "M:" => Methods(type, member).Any(m => parameters < 0 || SameParameters(m, name[parameters..])),
            "P:" => type.GetProperty(member, Members) is not null,
            "F:" => type.GetField(member, Members) is not null,
            "E:" => type.GetEvent(member, Members) is not null,
            _ => false,
        };
    }

    private static IEnumerable<MethodBase> Methods(Type type, string name) =>
        name == "#ctor" ? type.GetConstructors(Members) : type.GetMethods(Members).Where(m => m.Name == name);

    /// <summary>Compares a non-generic parameter list, such as <c>(System.String,System.Int32)</c>.</summary>
    private static bool SameParameters(MethodBase method, string list) =>
        list == "(" + string.Join(',', method.GetParameters().Select(p => p.ParameterType.FullName)) + ")";

    /// <summary>The public top-level types of the shared framework the tests run on, by full name, and their namespaces.</summary>
    private sealed class FrameworkIndex
    {
        private readonly Dictionary<string, string> _assemblyOfType;

        private FrameworkIndex(Dictionary<string, string> assemblyOfType)
        {
            _assemblyOfType = assemblyOfType;
            Namespaces = [.. assemblyOfType.Keys.Where(n => n.Contains('.', StringComparison.Ordinal)).Select(n => n[..n.LastIndexOf('.')])];
        }

        public HashSet<string> Namespaces { get; }

        public Type? Type(string fullName) =>
            _assemblyOfType.TryGetValue(fullName, out var path) ? Assembly.Load(AssemblyName.GetAssemblyName(path)).GetType(fullName) : null;

        public static FrameworkIndex Read()
        {
            var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
            {
                using var pe = new PEReader(File.OpenRead(path));
                if (!pe.HasMetadata || !pe.GetMetadataReader().IsAssembly)
                {
                    continue;
                }

                var metadata = pe.GetMetadataReader();
                foreach (var definition in metadata.TypeDefinitions.Select(metadata.GetTypeDefinition).Where(t => (t.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public))
                {
                    types.TryAdd($"{metadata.GetString(definition.Namespace)}.{metadata.GetString(definition.Name)}", path);
                }
            }

            return new FrameworkIndex(types);
        }
    }
}
