namespace Reconnect.Server.Tests.ProtocolDoc;

/// <summary>The pipe tables of a markdown document, each under the heading it follows; backticks are stripped from cells.</summary>
internal static class MarkdownTables
{
    /// <summary>The rows (header excluded) of every table, keyed by the text of the heading above it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>> Read(string markdown)
    {
        var tables = new Dictionary<string, IReadOnlyList<IReadOnlyList<string>>>(StringComparer.Ordinal);
        var heading = string.Empty;
        List<IReadOnlyList<string>>? rows = null;
        foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                rows = null;
            }
            else if (line.StartsWith('|'))
            {
                if (rows is null)
                {
                    rows = [];
                    tables[heading] = rows;
                    continue;
                }

                var cells = Cells(line);
                if (!cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
                {
                    rows.Add(cells);
                }
            }
            else
            {
                rows = null;
            }
        }

        return tables;
    }

    private static string[] Cells(string line) =>
        [.. line.Trim().Trim('|').Split('|').Select(c => c.Trim().Replace("`", string.Empty, StringComparison.Ordinal))];
}
