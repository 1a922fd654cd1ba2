using Reconnect.Core.Machines;
using Reconnect.Core.Tests.Architecture;

namespace Reconnect.Core.Tests.Diagrams;

public sealed class StateDiagramDriftTests
{
    private const string AcceptVariable = "RECONNECT_ACCEPT_DIAGRAMS";

    public static TheoryData<string> FileNames => new(MachineCatalog.All.SelectMany(m => new[] { m.MermaidFile, m.DotFile }));

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Committed_diagram_matches_the_machine_table(string fileName)
    {
        var machine = MachineCatalog.All.Single(m => m.MermaidFile == fileName || m.DotFile == fileName);
        var folder = Path.Combine(RepositoryRoot.Path, "docs", "state-diagrams");
        var committedPath = Path.Combine(folder, fileName);
        var receivedPath = Path.Combine(folder, Path.ChangeExtension(fileName, ".received" + Path.GetExtension(fileName)));
        var generated = Normalize(fileName == machine.MermaidFile ? machine.Mermaid() : machine.Dot());

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(committedPath, generated);
            File.Delete(receivedPath);
            return;
        }

        var committed = File.Exists(committedPath) ? Normalize(File.ReadAllText(committedPath)) : null;
        if (committed == generated)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, generated);
        Assert.Fail(
            $"docs/state-diagrams/{fileName} {(committed is null ? "is missing" : "does not match the " + machine.Name + " machine table")}. "
            + $"The generated diagram was written to docs/state-diagrams/{Path.GetFileName(receivedPath)}. "
            + $"If the table change is intended, accept it: {AcceptVariable}=1 dotnet test tests/Reconnect.Core.Tests");
    }

    [Fact]
    public void Catalog_lists_each_machine_once_with_its_diagram_file()
    {
        Assert.Equal(
            [
                ("LocalPeer", "local-peer.mmd", "local-peer.dot"),
                ("RemotePeer", "remote-peer.mmd", "remote-peer.dot"),
                ("Negotiation", "negotiation.mmd", "negotiation.dot"),
                ("SignallingSocket", "signalling-socket.mmd", "signalling-socket.dot"),
                ("Reconcile", "reconcile.mmd", "reconcile.dot"),
            ],
            MachineCatalog.All.Select(m => (m.Name, m.MermaidFile, m.DotFile)));
    }

    [Fact]
    public void Catalog_renders_both_diagram_forms_of_each_machine()
    {
        foreach (var machine in MachineCatalog.All)
        {
            Assert.StartsWith($"%% Generated from the {machine.Name} machine's Stateless GetInfo().", machine.Mermaid(), StringComparison.Ordinal);
            Assert.StartsWith($"digraph \"{machine.Name}\" {{", machine.Dot(), StringComparison.Ordinal);
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");
}
