using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Reconnect.TestSupport.Hosting;

/// <summary>
/// The signalling server run as a child process on a loopback port: the build of <c>src/Reconnect.Server</c> of the
/// caller's own configuration (a test project or the load bench, three folders below the repository like the server).
/// Killing it is a crash: no going-away, no close frame.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan HealthPatience = TimeSpan.FromSeconds(60);

    private readonly Process _process;

    private ServerProcess(Uri baseUri, Process process)
    {
        BaseUri = baseUri;
        _process = process;
    }

    /// <summary>The server's HTTP address.</summary>
    public Uri BaseUri { get; }

    /// <summary>The process's resident memory in bytes.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The server's build output beside the caller's, of the same configuration.</summary>
    public static string BuiltServerDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var dll = Path.GetFullPath(Path.Combine(
            AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Reconnect.Server", "bin", configuration, output.Name, "Reconnect.Server.dll"));
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The server is not built beside the caller: {dll}");
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts the server on <paramref name="port"/> with <paramref name="arguments"/> after its <c>--urls</c> and waits
    /// until <c>/healthz</c> answers; <paramref name="errorLine"/> gets each line the server writes to its error output.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(
        int port,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        Action<string>? errorLine = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { BuiltServerDll(), "--urls", $"http://127.0.0.1:{port}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errorLine?.Invoke(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new ServerProcess(new Uri($"http://127.0.0.1:{port}"), process);
        try
        {
            await running.WaitHealthyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return running;
    }

    /// <summary>Kills the server and every process it started, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the server (see <see cref="KillAsync"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(HealthPatience);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it was healthy.");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), patience.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!patience.IsCancellationRequested)
            {
                // One probe timed out; the next may not.
            }

            try
            {
                await Task.Delay(100, patience.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The server did not answer /healthz within {HealthPatience.TotalSeconds} s.");
            }
        }
    }
}
