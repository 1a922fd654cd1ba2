using Reconnect.Browser.Harness.Network;

namespace Reconnect.Browser.Harness.Hosting;

/// <summary>
/// A <see cref="CallWorld"/> with a network namespace beside it and a second Chromium inside it: pages opened from
/// <see cref="Inside"/> reach the server (which also listens on the root side of the veth) and every other page only
/// over the veth, so a <see cref="LinkOutage"/> on it takes their signalling and media down at once. The server evicts
/// a session silent for <paramref name="silenceGrace"/> (after its heartbeat allowance). If anything cannot start,
/// what started is stopped (the namespace deleted) and <see cref="InitializeAsync"/> throws with the reason.
/// </summary>
public class NamespacedCallWorld(TimeSpan silenceGrace) : CallWorld
{
    private NetworkNamespace? _network;
    private Chromium? _inside;

    /// <summary>The server's silence grace in this world.</summary>
    public TimeSpan SilenceGrace { get; } = silenceGrace;

    /// <summary>The namespace the inside Chromium runs in.</summary>
    public NetworkNamespace Network => _network ?? throw new InvalidOperationException("The namespaced world did not start.");

    /// <summary>Where pages inside the namespace run: the inside Chromium, and the server on the root side of the veth.</summary>
    public PageHost Inside => new(_inside ?? throw new InvalidOperationException("The namespaced world did not start."), Server.PageUriOn(Network.HostAddress));

    /// <summary>Creates the namespace, starts the world (its server also listening on the veth) and the Chromium inside.</summary>
    public override async ValueTask InitializeAsync()
    {
        try
        {
            _network = await NetworkNamespace.CreateAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        await base.InitializeAsync();
        try
        {
            _inside = await Chromium.LaunchInsideAsync(_network, Server.PageUriOn(_network.HostAddress));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    protected override Task<CallPageServer> StartServerAsync(TurnServer turn) =>
        CallPageServer.StartAsync(turn, new CallPageServerSettings(Network.HostAddress, SilenceGrace), CancellationToken.None);

    /// <summary>Stops the inside Chromium, then the world, then deletes the namespace.</summary>
    protected override async ValueTask DisposeAsyncCore()
    {
        if (_inside is { } inside)
        {
            await inside.DisposeAsync();
            _inside = null;
        }

        await base.DisposeAsyncCore();
        if (_network is { } network)
        {
            await network.DisposeAsync();
            _network = null;
        }
    }
}
