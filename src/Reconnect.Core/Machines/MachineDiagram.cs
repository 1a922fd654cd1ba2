namespace Reconnect.Core.Machines;

/// <summary>One machine's diagrams, rendered from its table on demand, and the file that keeps the Mermaid form under <c>docs/state-diagrams/</c>.</summary>
/// <param name="Name">The machine's name, as its table declares it.</param>
/// <param name="FileName">The Mermaid file's name, such as <c>local-peer.mmd</c>.</param>
/// <param name="Mermaid">Renders the table as a Mermaid state diagram.</param>
/// <param name="Dot">Renders the table as a Graphviz DOT graph.</param>
public sealed record MachineDiagram(string Name, string FileName, Func<string> Mermaid, Func<string> Dot);
