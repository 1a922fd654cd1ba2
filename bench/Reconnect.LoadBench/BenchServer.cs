using Reconnect.TestSupport.Hosting;

namespace Reconnect.LoadBench;

/// <summary>
/// The signalling server the bench loads: a child process on a free loopback port (so its memory is its own), with keys
/// and limits fit for a load run; or a server already running elsewhere.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private const string SigningKey = "bG9hZC1iZW5jaC1zaWduaW5nLWtleS1sb2FkLWJlbmNoLTAxMjM0NQ==";
    private readonly ServerProcess? process;

    private BenchServer(Uri baseUri, ServerProcess? process)
    {
        BaseUri = baseUri;
        this.process = process;
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The signalling endpoint.</summary>
    public Uri SignalUri => new($"ws://{BaseUri.Authority}/signal");

    /// <summary>The child process's resident memory in bytes, or null for a server this run did not start.</summary>
    public long? ResidentBytes => process?.ResidentBytes;

    /// <summary>Starts the server the bench was built beside, or attaches to <paramref name="server"/>.</summary>
    public static async Task<BenchServer> StartAsync(Uri? server, int clients, CancellationToken cancel)
    {
        if (server is not null)
        {
            return new BenchServer(server, null);
        }

        var process = await ServerProcess.StartAsync(
            ServerProcess.FreePort(),
            [
                "--environment", "Production", "--Logging:LogLevel:Default=Warning",
                $"--Reconnect:SigningKey={SigningKey}", "--Reconnect:AdminKey=load-bench-admin-key-0123", "--Reconnect:DevTokens=true",
                $"--Reconnect:MaxConnectionsPerAccount={clients * 2}", $"--Reconnect:MaxConnectionsPerAddress={clients * 2}",
            ],
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" },
            line => Console.Error.WriteLine($"server: {line}"),
            cancel);
        return new BenchServer(process.BaseUri, process);
    }

    /// <summary>A token any client may join any channel with, from the server's dev token endpoint.</summary>
    public async Task<string> TokenAsync(CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = BaseUri };
        using var body = new StringContent("{\"account\":\"load\",\"lifetimeSeconds\":86400}", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/dev/token", UriKind.Relative), body, cancel);
        response.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
        return json.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException("The token endpoint answered no token.");
    }

    /// <summary>Stops a server this run started.</summary>
    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
        }
    }
}
