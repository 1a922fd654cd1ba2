using System.Net;

namespace Reconnect.Browser.Harness.Hosting;

/// <summary>
/// How a world's <see cref="CallPageServer"/> differs from the default one (loopback only, the server's own silence
/// grace): an address it listens on besides 127.0.0.1 (the root side of a namespace's veth, for pages inside), and
/// the silence grace after which it evicts a silent session.
/// </summary>
public sealed record CallPageServerSettings(IPAddress? AlsoOn = null, TimeSpan? SilenceGrace = null);
