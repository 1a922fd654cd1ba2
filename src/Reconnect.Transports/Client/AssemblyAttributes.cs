using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Reconnect.Transports.Tests")]
[assembly: InternalsVisibleTo("Reconnect.Testing")]
[assembly: InternalsVisibleTo("Reconnect.Browser")]
