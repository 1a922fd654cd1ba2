namespace Reconnect;

/// <summary>What the operating system says about the network.</summary>
public enum NetworkChange
{
    /// <summary>No network is available.</summary>
    Offline,

    /// <summary>A network is available again.</summary>
    Online,

    /// <summary>The local address changed (for example Wi-Fi to cellular).</summary>
    AddressChanged,
}
