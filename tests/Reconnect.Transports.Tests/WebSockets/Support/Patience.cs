namespace Reconnect.Transports.Tests.WebSockets.Support;

/// <summary>How long a real-socket test waits for something that must happen: generous, for a loaded machine.</summary>
internal static class Patience
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
}
