using System.Globalization;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Sim.Network;
using Reconnect.Transports.Hosting;

namespace Reconnect.Sim.World;

/// <summary>The simulated token provider: answers after a short delay, fails on demand, and hands out fresh TURN credentials each time.</summary>
public sealed class SimTokenPort : ITokenPort
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(20);

    private readonly SimNetwork _network;
    private readonly string _host;
    private readonly IEngineInputSink _sink;
    private int _issued;

    /// <summary>Creates the provider for a peer's host.</summary>
    public SimTokenPort(SimNetwork network, string host, IEngineInputSink sink)
    {
        _network = network;
        _host = host;
        _sink = sink;
    }

    /// <summary>How many of the next fetches fail.</summary>
    public int FailuresToInject { get; set; }

    /// <summary>How many tokens were issued.</summary>
    public int Issued => _issued;

    /// <inheritdoc />
    public void Fetch(long attempt)
    {
        var time = (Time.VirtualTimeProvider)_network.Time;
        time.Schedule(Delay, () => Answer(attempt), $"token {_host}");
    }

    private void Answer(long attempt)
    {
        if (!_network.IsOnline(_host))
        {
            _sink.Post(new TokenFetchFailed(attempt, "network unreachable", NetworkUnreachable: true));
            return;
        }

        if (FailuresToInject > 0)
        {
            FailuresToInject--;
            _sink.Post(new TokenFetchFailed(attempt, "token service unavailable"));
            return;
        }

        var n = ++_issued;
        var turn = new IceServer(["turn:turn.sim:3478"], string.Create(CultureInfo.InvariantCulture, $"{_host}-{n}"), "secret");
        _sink.Post(new TokenFetched(attempt, $"ok:{_host}", [turn]));
    }
}
