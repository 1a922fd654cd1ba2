using System.Reflection;
using System.Xml.Linq;

namespace Reconnect.Core.Tests.Architecture;

public sealed class PublicTypeDocumentationTests
{
    private const string CoreAssembly = "Reconnect.Core";

    [Fact]
    public void Every_public_type_of_every_src_assembly_beside_the_tests_has_a_summary()
    {
        var docFiles = DocumentationFiles();
        var undocumented = new List<string>();
        foreach (var (assemblyName, docFile) in docFiles)
        {
            var documented = DocumentedMembers(docFile);
            undocumented.AddRange(
                Assembly.Load(new AssemblyName(assemblyName)).GetExportedTypes()
                    .Where(t => !StrykerInjectedTypes.IsInjected(t))
                    .Select(t => "T:" + t.FullName!.Replace('+', '.'))
                    .Where(id => !documented.Contains(id))
                    .Select(id => $"{assemblyName}: {id}"));
        }

        Assert.Contains(CoreAssembly, docFiles.Keys);
        Assert.Equal([], undocumented.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The generated XML documentation of each src project whose file lies beside the test binaries, and Reconnect.Core's
    /// in any case (from its own bin folder when the build did not copy it).
    /// </summary>
    private static SortedDictionary<string, string> DocumentationFiles()
    {
        var src = Path.Combine(RepositoryRoot.Path, "src");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var xml in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.xml"))
        {
            var name = Path.GetFileNameWithoutExtension(xml);
            if (File.Exists(Path.ChangeExtension(xml, ".dll")) && File.Exists(Path.Combine(src, name, name + ".csproj")))
            {
                files[name] = xml;
            }
        }

        if (!files.ContainsKey(CoreAssembly))
        {
            var built = Directory.EnumerateFiles(Path.Combine(src, CoreAssembly, "bin"), CoreAssembly + ".xml", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .ThenBy(f => f, StringComparer.Ordinal)
                .FirstOrDefault();
            if (built is not null)
            {
                files[CoreAssembly] = built;
            }
        }

        return files;
    }

    private static HashSet<string> DocumentedMembers(string docFile) =>
    [
        .. XDocument.Load(docFile).Descendants("member")
            .Where(m => m.Elements("summary").Any(s => !string.IsNullOrWhiteSpace(s.Value)))
            .Select(m => (string)m.Attribute("name")!),
    ];
}
