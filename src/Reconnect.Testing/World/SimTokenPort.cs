using System.Globalization;
using Reconnect.Channel;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Testing.Network;
using Reconnect.Hosting;

namespace Reconnect.Testing.World;

/// <summary>
/// The simulated token provider: answers after a short delay and hands out fresh TURN credentials each time; on
/// demand it fails, hangs (never answers, so the engine's fetch timeout runs), or hands out a token the server
/// refuses as already expired.
/// </summary>
public sealed class SimTokenPort : ITokenPort, ITokenFaults
{
    /// <summary>The token that the simulated server refuses with 4002 <c>token_expired</c>.</summary>
    public const string ExpiredToken = "expired";

    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(20);

    private readonly SimNetwork _network;
    private readonly string _host;
    private readonly IEngineInputSink _sink;
    private readonly TimeSpan? _lifetime;
    private int _issued;

    /// <summary>Creates the provider for a peer's host; with a <paramref name="lifetime"/>, each token expires that long after it is issued.</summary>
    public SimTokenPort(SimNetwork network, string host, IEngineInputSink sink, TimeSpan? lifetime = null)
    {
        _network = network;
        _host = host;
        _sink = sink;
        _lifetime = lifetime;
    }

    /// <summary>How many of the next fetches fail.</summary>
    public int FailuresToInject { get; set; }

    /// <summary>How many of the next fetches hang: the provider never answers them.</summary>
    public int HangsToInject { get; set; }

    /// <summary>How many hang windows are open: while one is, every fetch hangs.</summary>
    public int HangWindows { get; set; }

    /// <summary>How many of the next fetches hand out a token that is already expired.</summary>
    public int ExpiredToInject { get; set; }

    /// <summary>How many tokens were issued.</summary>
    public int Issued => _issued;

    /// <summary>How many fetches hung so far.</summary>
    public int Hung { get; private set; }

    /// <inheritdoc />
    public void Fetch(long attempt)
    {
        if (this.TakeHang())
        {
            Hung++;
            return;
        }

        var time = (Time.VirtualTimeProvider)_network.Time;
        time.Schedule(Delay, () => Answer(attempt), $"token {_host}");
    }

    /// <summary>Stops every injected failure, hang and expired token.</summary>
    public void Reset() => TokenFaultRules.Reset(this);

    private void Answer(long attempt)
    {
        if (!_network.IsOnline(_host))
        {
            _sink.Post(new TokenFetchFailed(attempt, "network unreachable", NetworkUnreachable: true));
            return;
        }

        var answer = this.TakeAnswer();
        if (answer == TokenAnswer.Failure)
        {
            _sink.Post(new TokenFetchFailed(attempt, "token service unavailable"));
            return;
        }

        var n = ++_issued;
        var turn = new IceServer(["turn:turn.sim:3478"], string.Create(CultureInfo.InvariantCulture, $"{_host}-{n}"), "secret");
        if (answer == TokenAnswer.Expired)
        {
            _sink.Post(new TokenFetched(attempt, ExpiredToken, [turn]));
            return;
        }

        var token = $"ok:{_host}";
        if (_lifetime is { } lifetime)
        {
            _sink.Post(new TokenFetched(attempt, LiteralTokenValidator.WithExpiry(token, _network.Time.GetUtcNow() + lifetime), [turn], lifetime));
            return;
        }

        _sink.Post(new TokenFetched(attempt, token, [turn]));
    }
}
