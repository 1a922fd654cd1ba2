using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Reconnect.TestSupport.Hosting;

namespace Reconnect.Browser.Harness.Hosting;

/// <summary>
/// coturn (<c>turnserver</c>) on a loopback port with one long-term user, as a child process that a test can stop (a
/// TURN server gone: relayed media stops) and start again on the same port and relay range. Ready when it answers a
/// STUN binding request. Disposing kills it.
/// </summary>
public sealed class TurnServer : IAsyncDisposable
{
    public const string Username = "reconnect";
    public const string Credential = "browser-tests";
    private const string Realm = "reconnect.test";
    private const int RelayPorts = 64;
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(15);

    private readonly string _directory = Directory.CreateTempSubdirectory("reconnect-turn-").FullName;
    private readonly List<string> _log = [];
    private readonly Lock _gate = new();
    private readonly int _minRelayPort = 50_000 + (Random.Shared.Next(0, 150) * RelayPorts);
    private Process? _process;

    private TurnServer(int port) => Port = port;

    /// <summary>The UDP and TCP port it listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The ICE server URL the call page gets.</summary>
    public string Url => $"turn:127.0.0.1:{Port}?transport=udp";

    /// <summary>True between a start and a stop.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts coturn on a free port and waits until it answers.</summary>
    public static async Task<TurnServer> StartAsync(CancellationToken cancellationToken)
    {
        RequiredTool.Find(RequiredTool.TurnServer, "coturn");
        var turn = new TurnServer(FreeUdpAndTcpPort());
        try
        {
            await turn.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await turn.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return turn;
    }

    /// <summary>Starts coturn (again) on the same port and waits until it answers a STUN binding request.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("turnserver is already running.");
        }

        var start = new ProcessStartInfo(RequiredTool.TurnServer)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("turnserver did not start.");
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        var deadline = Stopwatch.StartNew();
        while (!await StunProbe.AnswersAsync(new IPEndPoint(IPAddress.Loopback, Port), TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || deadline.Elapsed > ReadyPatience)
            {
                throw new InvalidOperationException(
                    $"turnserver did not answer STUN on 127.0.0.1:{Port} within {ReadyPatience.TotalSeconds} s (exited: {process.HasExited}). Its log:\n{Log()}");
            }
        }
    }

    /// <summary>Kills coturn, as a TURN server that went away: its allocations are gone.</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
        _process = null;
    }

    /// <summary>The last lines coturn wrote.</summary>
    public string Log()
    {
        lock (_gate)
        {
            return string.Join("\n", _log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temporary folder is left behind.
        }
    }

    private string[] Arguments() =>
    [
        "-n", "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", $"--listening-port={Port}",
        string.Create(CultureInfo.InvariantCulture, $"--min-port={_minRelayPort}"),
        string.Create(CultureInfo.InvariantCulture, $"--max-port={_minRelayPort + RelayPorts - 1}"),
        "--lt-cred-mech", $"--user={Username}:{Credential}", $"--realm={Realm}", "--fingerprint",
        "--no-tls", "--no-dtls", "--no-cli", "--allow-loopback-peers", "--no-multicast-peers",
        $"--userdb={Path.Combine(_directory, "turndb")}", $"--pidfile={Path.Combine(_directory, "turnserver.pid")}",
        "--log-file=stdout", "--simple-log",
    ];

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.Add(line);
            if (_log.Count > 40)
            {
                _log.RemoveAt(0);
            }
        }
    }

    private static int FreeUdpAndTcpPort()
    {
        while (true)
        {
            var port = ServerProcess.FreePort();
            try
            {
                using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for UDP: try another.
            }
        }
    }
}
