namespace Reconnect.Core.Machines;

/// <summary>
/// One machine's diagrams, rendered on demand from its Stateless description, and the files that keep them under
/// <c>docs/state-diagrams/</c>: <c>{BaseName}.mmd</c> (Mermaid) and <c>{BaseName}.dot</c> (Graphviz) beside it.
/// </summary>
/// <param name="Name">The machine's name, as its table declares it.</param>
/// <param name="BaseName">The files' name without extension, such as <c>local-peer</c>.</param>
/// <param name="Mermaid">Renders the machine as a Mermaid state diagram.</param>
/// <param name="Dot">Renders the machine as a Graphviz DOT graph.</param>
internal sealed record MachineDiagram(string Name, string BaseName, Func<string> Mermaid, Func<string> Dot)
{
    /// <summary>The Mermaid file's name.</summary>
    public string MermaidFile => BaseName + ".mmd";

    /// <summary>The DOT file's name.</summary>
    public string DotFile => BaseName + ".dot";
}
