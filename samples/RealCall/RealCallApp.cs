using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.TestSupport.Proxy;
using Reconnect.Transports.InMemory;

namespace Reconnect.Samples.RealCall;

/// <summary>
/// The real demo: peers A and B join room-42 over real WebSockets, each through its own fault proxy, media over one
/// real-time fabric; A goes offline for five seconds (its proxy cuts every connection with a TCP reset and its media host
/// goes offline, so A's socket reconnects and both sides rebuild their media connection); the demo prints the timeline
/// as it happens and exits 0 once the call is whole again (1 when it does not heal within the bound, 2 on a bad argument).
/// </summary>
public static class RealCallApp
{
    /// <summary>Runs the demo with command-line arguments.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (settings, problem) = RealCallSettings.Parse(args);
        if (settings is null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            return 2;
        }

        return await RunAsync(settings, output, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the demo with settings.</summary>
    public static async Task<int> RunAsync(RealCallSettings settings, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var server = settings.Server is null ? await CallServer.StartAsync(cancellationToken).ConfigureAwait(false) : null;
        await using (server)
        {
            var baseUri = settings.Server ?? server!.BaseUri;
            await output.WriteLineAsync($"server {baseUri}").ConfigureAwait(false);
            var recorder = new CallRecorder(output);
            bool healed;
            try
            {
                healed = await RunCallAsync(baseUri, settings, recorder, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ReconnectException or HttpRequestException or SocketException)
            {
                await output.WriteLineAsync($"could not join on {baseUri}: {ex.Message}").ConfigureAwait(false);
                return 1;
            }

            if (settings.TracePath is { } path)
            {
                await using var file = new StreamWriter(path);
                recorder.WriteJsonLines(file);
            }

            await output.WriteLineAsync(healed ? "healed" : "not healed within " + settings.Bound.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s").ConfigureAwait(false);
            return healed ? 0 : 1;
        }
    }

    private static async Task<bool> RunCallAsync(Uri baseUri, RealCallSettings settings, CallRecorder recorder, CancellationToken cancellationToken)
    {
        var target = new IPEndPoint((await Dns.GetHostAddressesAsync(baseUri.Host, cancellationToken).ConfigureAwait(false))[0], baseUri.Port);
        using var api = new ServerApi(baseUri);
        var fabric = new RealTimeMediaFabric();
        var peers = new CallPeers(api, fabric, recorder, NullLoggerFactory.Instance);
        await using var proxyA = new FaultProxy(target);
        await using var proxyB = new FaultProxy(target);
        await using var a = peers.Create("A", RealCallSettings.Channel, ServerApi.SignalUri(proxyA.EndPoint.ToString()));
        await using var b = peers.Create("B", RealCallSettings.Channel, ServerApi.SignalUri(proxyB.EndPoint.ToString()));
        var clients = new SortedDictionary<string, ReconnectClient>(StringComparer.Ordinal) { ["A"] = a, ["B"] = b };
        await Task.WhenAll(JoinAsync(a, "A", cancellationToken), JoinAsync(b, "B", cancellationToken)).ConfigureAwait(false);
        if (!await CallProbe.WaitAsync(() => CallProbe.IsHealedWithCameras(clients), settings.Bound, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        recorder.Fault("A", "offline", settings.Cut);
        proxyA.Fault = ProxyFault.Cut(CutStyle.Reset);
        fabric.BeginOutage("A");
        await Task.Delay(settings.Cut, cancellationToken).ConfigureAwait(false);
        fabric.EndOutage("A");
        proxyA.Fault = ProxyFault.Pass;
        var healed = await CallProbe.WaitAsync(() => CallProbe.IsHealedWithCameras(clients), settings.Bound, cancellationToken).ConfigureAwait(false);
        if (healed)
        {
            recorder.Healed();
        }

        return healed;
    }

    private static async Task JoinAsync(ReconnectClient client, string name, CancellationToken cancellationToken)
    {
        await client.JoinAsync(RealCallSettings.Channel, name, null, cancellationToken).ConfigureAwait(false);
        await client.PublishAsync(new StreamInfo(CallProbe.CameraOf(name), new Dictionary<string, string>(StringComparer.Ordinal)), cancellationToken).ConfigureAwait(false);
    }
}
