using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Reconnect.Transports.Tests")]
