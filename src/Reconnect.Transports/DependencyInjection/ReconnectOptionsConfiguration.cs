using Reconnect.Core.Options;

namespace Reconnect.Transports.DependencyInjection;

/// <summary>One registered step that derives new options from the previous ones (the options are immutable records).</summary>
internal sealed record ReconnectOptionsConfiguration(Func<ReconnectOptions, ReconnectOptions> Configure);
