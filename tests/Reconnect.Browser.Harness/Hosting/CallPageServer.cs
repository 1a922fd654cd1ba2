using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Reconnect.TestSupport.Hosting;

namespace Reconnect.Browser.Harness.Hosting;

/// <summary>
/// The built <c>src/Reconnect.Server</c> run as one child process with <c>--call-page</c> on a free loopback port,
/// its dev tokens granting the coturn server as the pages' ICE server. Ready once <c>/healthz</c> answers and
/// <c>/</c> serves the call page. It can be restarted on the same port (<see cref="RestartAsync"/>). Disposing kills it.
/// </summary>
public sealed class CallPageServer : IAsyncDisposable
{
    private static readonly TimeSpan PagePatience = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyList<string> _arguments;
    private readonly List<string> _errors;
    private ServerProcess _process;

    private CallPageServer(ServerProcess process, int port, IReadOnlyList<string> arguments, List<string> errors)
    {
        _process = process;
        Port = port;
        _arguments = arguments;
        _errors = errors;
    }

    /// <summary>The server's loopback port (HTTP and the signalling WebSocket).</summary>
    public int Port { get; }

    /// <summary>The call page's address.</summary>
    public Uri BaseUri => _process.BaseUri;

    /// <summary>The signalling endpoint at <paramref name="endPoint"/> (the server's own, or a proxy's in front of it).</summary>
    public static Uri SignalUri(IPEndPoint endPoint) => new($"ws://127.0.0.1:{endPoint.Port}/signal");

    /// <summary>The call page's address on <paramref name="address"/> (one the server listens on: see <see cref="CallPageServerSettings.AlsoOn"/>).</summary>
    public Uri PageUriOn(IPAddress address) => new($"http://{address}:{Port}/");

    public static Task<CallPageServer> StartAsync(TurnServer turn, CancellationToken cancellationToken) =>
        StartAsync(turn, new CallPageServerSettings(), cancellationToken);

    public static async Task<CallPageServer> StartAsync(TurnServer turn, CallPageServerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(settings);
        var port = ServerProcess.FreePort();
        var errors = new List<string>();
        string[] arguments =
        [
            "--call-page", "--environment", "Development", "--Logging:LogLevel:Default=Warning",
            $"--Reconnect:SigningKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            $"--Reconnect:IceServers:0:Urls:0={turn.Url}",
            $"--Reconnect:IceServers:0:Username={TurnServer.Username}",
            $"--Reconnect:IceServers:0:Credential={TurnServer.Credential}",
            .. Optional(settings, port),
        ];
        var server = new CallPageServer(await StartProcessAsync(port, arguments, errors, cancellationToken).ConfigureAwait(false), port, arguments, errors);
        try
        {
            await server.WaitForPageAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>What the server wrote to its error output so far.</summary>
    public string Errors()
    {
        lock (_errors)
        {
            return string.Join("\n", _errors.TakeLast(40));
        }
    }

    /// <summary>
    /// Kills the server (a crash: every session it held is lost, no going-away, no close frame) and starts it again on
    /// the same port with the same settings (the same signing key); returns once it serves the call page again.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _process = await StartProcessAsync(Port, _arguments, _errors, cancellationToken).ConfigureAwait(false);
        await WaitForPageAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>The arguments <paramref name="settings"/> add: a second <c>--urls</c> (the last one wins) listing loopback and the other address.</summary>
    private static IEnumerable<string> Optional(CallPageServerSettings settings, int port)
    {
        if (settings.AlsoOn is { } address)
        {
            yield return "--urls";
            yield return $"http://127.0.0.1:{port};http://{address}:{port}";
        }

        if (settings.SilenceGrace is { } grace)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--Reconnect:SilenceGrace={grace:c}");
        }
    }

    private static async Task<ServerProcess> StartProcessAsync(int port, IReadOnlyList<string> arguments, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            return await ServerProcess.StartAsync(
                port,
                arguments,
                errorLine: line =>
                {
                    lock (errors)
                    {
                        errors.Add(line);
                    }
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            string recent;
            lock (errors)
            {
                recent = string.Join("\n", errors.TakeLast(40));
            }

            throw new InvalidOperationException($"The server with --call-page did not start on port {port}: {ex.Message} Its errors:\n{recent}", ex);
        }
    }

    private async Task WaitForPageAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(PagePatience);
        var last = "no answer";
        while (!patience.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/", UriKind.Relative), patience.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"status {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(200, CancellationToken.None).ConfigureAwait(false);
        }

        throw new InvalidOperationException(
            $"The server on {BaseUri} (started with --call-page) did not serve the call page at / within {PagePatience.TotalSeconds} s ({last}). Its errors:\n{Errors()}");
    }
}
