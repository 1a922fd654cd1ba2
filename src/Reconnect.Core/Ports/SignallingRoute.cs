namespace Reconnect.Core.Ports;

/// <summary>
/// Where a token's grant says to open the signalling socket, overriding the transport's configuration for the sockets
/// opened with that token: the endpoint (null keeps the configured one) and extra upgrade request headers (added to,
/// and replacing by name, the configured ones).
/// </summary>
/// <param name="Endpoint">The endpoint, or null for the configured one.</param>
/// <param name="Headers">Extra request headers for the upgrade.</param>
public sealed record SignallingRoute(Uri? Endpoint, IReadOnlyDictionary<string, string> Headers);
