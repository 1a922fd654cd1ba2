using System.Reflection;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Tests.ProtocolDoc;

/// <summary>docs/protocol.md's tables equal the code: messages, close codes, timers, limits and claims; drift either way fails.</summary>
public sealed class ProtocolDocTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<string>>>> Tables =
        new(() => MarkdownTables.Read(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "protocol.md"))));

    [Fact]
    public void Client_message_table_equals_the_codec_client_messages() =>
        AssertTable("Client to server", 4, ProtocolContract.MessageRows(typeof(ClientMessage)));

    [Fact]
    public void Server_message_table_equals_the_codec_server_messages() =>
        AssertTable("Server to client", 4, ProtocolContract.MessageRows(typeof(ServerMessage)));

    [Fact]
    public void Signal_payload_table_equals_the_codec_signal_kinds() =>
        AssertTable("Signal payloads", 4, ProtocolContract.MessageRows(typeof(SignalPayload)));

    [Fact]
    public void Nested_object_table_equals_the_objects_inside_messages() =>
        AssertTable("Nested objects", 4, ProtocolContract.NestedObjectRows());

    [Fact]
    public void Close_code_table_equals_the_close_codes_and_their_policy() =>
        AssertTable("Close codes", 4, ProtocolContract.CloseCodeRows());

    [Fact]
    public void Client_timer_table_equals_the_client_options_defaults() =>
        AssertTable("Client timers and budgets", 2,
        [
            .. ProtocolContract.DefaultRows("HeartbeatOptions.", new HeartbeatOptions()),
            .. ProtocolContract.DefaultRows("SocketBackoffOptions.", new SocketBackoffOptions()),
            .. ProtocolContract.DefaultRows("IceRestartLadderOptions.", new IceRestartLadderOptions()),
            .. ProtocolContract.DefaultRows("ReconcileOptions.", new ReconcileOptions()),
            .. ProtocolContract.DefaultRows("TokenProviderOptions.", new TokenProviderOptions()),
        ]);

    [Fact]
    public void Server_setting_tables_equal_the_server_options_defaults() =>
        AssertRows(
            "Server timers + Server limits + Server keys and switches",
            [.. Rows("Server timers").Concat(Rows("Server limits")).Concat(Rows("Server keys and switches"))],
            2,
            ProtocolContract.DefaultRows("Reconnect:", new ReconnectServerOptions()));

    [Fact]
    public void Codec_limit_table_equals_the_codec_constants() =>
        AssertTable("Codec limits", 2, [ProtocolContract.Row("ProtocolCodec.MaxFrameLength", ProtocolCodec.MaxFrameLength.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    [Fact]
    public void Claim_table_names_every_claim_the_token_reader_knows()
    {
        var custom = typeof(JwtTokens).GetFields(BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Claim", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!);
        var documented = Rows("Auth claims").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var missing = custom.Concat(["sub", "jti", "exp", "iss", "aud"]).Where(c => !documented.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"docs/protocol.md 'Auth claims' lacks: {string.Join(", ", missing)}");
    }

    private static void AssertTable(string heading, int keyCells, IReadOnlyList<string> expected) =>
        AssertRows(heading, Rows(heading), keyCells, expected);

    private static void AssertRows(string heading, IReadOnlyList<IReadOnlyList<string>> rows, int keyCells, IReadOnlyList<string> expected)
    {
        var blank = rows.Where(r => r.Count <= keyCells || r.Skip(keyCells).Any(c => c.Length == 0)).Select(r => string.Join(" | ", r)).ToList();
        var documented = rows.Select(r => ProtocolContract.Row([.. r.Take(keyCells)])).ToList();
        var duplicated = documented.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = expected.Except(documented, StringComparer.Ordinal).ToList();
        var extra = documented.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count + extra.Count + duplicated.Count + blank.Count == 0,
            $"docs/protocol.md table '{heading}' drifted from the code."
            + $"\nIn the code, not in the doc:\n  {string.Join("\n  ", missing)}"
            + $"\nIn the doc, not in the code:\n  {string.Join("\n  ", extra)}"
            + $"\nDuplicated in the doc:\n  {string.Join("\n  ", duplicated)}"
            + $"\nRows with an empty description:\n  {string.Join("\n  ", blank)}");
    }

    private static IReadOnlyList<IReadOnlyList<string>> Rows(string heading) =>
        Tables.Value.TryGetValue(heading, out var rows) ? rows : throw new Xunit.Sdk.XunitException($"docs/protocol.md has no table under the heading '{heading}'");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Reconnect.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Reconnect.sln not found above " + AppContext.BaseDirectory);
    }
}
