using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Reconnect;

/// <summary>Everything a client is built from, resolved and validated by the builder.</summary>
internal sealed record ClientSettings(
    ReconnectOptions Options,
    TimeProvider Time,
    ILoggerFactory LoggerFactory,
    IMeterFactory? MeterFactory,
    ITokenProvider TokenProvider,
    ITransportFactory Transport,
    ClientRunMode RunMode,
    int EventBufferCapacity,
    ulong Seed,
    Lock? InlineGate = null);
