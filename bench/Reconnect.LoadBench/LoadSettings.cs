namespace Reconnect.LoadBench;

/// <summary>What one load run does: how many clients in how many channels, against which server, and its bounds.</summary>
/// <param name="Clients">Real WebSocket clients to join.</param>
/// <param name="Channels">Channels the clients are spread over, evenly.</param>
/// <param name="Server">A running server's base address, or null to start one as a child process on a free loopback port.</param>
/// <param name="ConnectConcurrency">Connects under way at once while joining.</param>
/// <param name="PingInterval">How often each client pings, as the engine's heartbeat does.</param>
/// <param name="HealTimeout">How long the joins, and then the storm's heal, may take before the run gives up.</param>
internal sealed record LoadSettings(int Clients, int Channels, Uri? Server, int ConnectConcurrency, TimeSpan PingInterval, TimeSpan HealTimeout)
{
    /// <summary>Throws when a setting is out of range.</summary>
    public LoadSettings Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Clients, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Channels, Clients / 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PingInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HealTimeout, TimeSpan.Zero);
        return this;
    }

    /// <summary>The channel of client <paramref name="index"/>.</summary>
    public string ChannelOf(int index) => $"load-{index % Channels:D3}";

    /// <summary>The peer id of client <paramref name="index"/>.</summary>
    public static string PeerOf(int index) => $"p{index:D5}";
}
