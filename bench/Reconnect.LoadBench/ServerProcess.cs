using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reconnect.LoadBench;

/// <summary>
/// The signalling server run as a child process on a free loopback port (so its memory is its own), with keys and
/// limits fit for a load run; or a server already running elsewhere.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string SigningKey = "bG9hZC1iZW5jaC1zaWduaW5nLWtleS1sb2FkLWJlbmNoLTAxMjM0NQ==";
    private readonly Process? process;

    private ServerProcess(Uri baseUri, Process? process)
    {
        BaseUri = baseUri;
        this.process = process;
    }

    /// <summary>The server's base address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The signalling endpoint.</summary>
    public Uri SignalUri => new($"ws://{BaseUri.Authority}/signal");

    /// <summary>The child process's resident memory in bytes, or null for a server this run did not start.</summary>
    public long? ResidentBytes
    {
        get
        {
            if (process is null)
            {
                return null;
            }

            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>Starts the server the bench was built beside, or attaches to <paramref name="server"/>.</summary>
    public static async Task<ServerProcess> StartAsync(Uri? server, int clients, CancellationToken cancel)
    {
        if (server is not null)
        {
            return new ServerProcess(server, null);
        }

        var port = FreePort();
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Reconnect.Server", "bin",
            new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "Reconnect.Server.dll"));
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The server is not built beside the bench: {dll}");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            dll, "--urls", $"http://127.0.0.1:{port}", "--environment", "Production", "--Logging:LogLevel:Default=Warning",
            $"--Reconnect:SigningKey={SigningKey}", "--Reconnect:AdminKey=load-bench-admin-key-0123", "--Reconnect:DevTokens=true",
            $"--Reconnect:MaxConnectionsPerAccount={clients * 2}", $"--Reconnect:MaxConnectionsPerAddress={clients * 2}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.Error.WriteLine($"server: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new ServerProcess(new Uri($"http://127.0.0.1:{port}"), process);
        await running.WaitHealthyAsync(cancel);
        return running;
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
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitHealthyAsync(CancellationToken cancel)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancel);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancel);
        }

        throw new TimeoutException("The server did not answer /healthz within 60 s.");
    }
}
