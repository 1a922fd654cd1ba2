using Microsoft.Extensions.Options;
using Reconnect.Channel;
using Reconnect.Server.Signalling;

namespace Reconnect.Server.Hosting;

/// <summary>
/// Starts the channel loops and stops them gracefully: every client is sent away with the retryable going-away
/// close (1012 with a retry hint; the channel logic keeps their sessions for a resume), the server waits for the
/// sockets to close (at most the drain timeout), then the loops stop. Registered after the web server, so it stops
/// before the server waits on the sockets.
/// </summary>
internal sealed class ChannelHost(
    IChannelOwnership ownership,
    ConnectionRegistry registry,
    SignalEndpoint endpoint,
    IOptions<ReconnectServerOptions> options,
    ILogger<ChannelHost> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var loop in ownership.Loops)
        {
            loop.Start();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var open = registry.BeginStopping();
        var hint = endpoint.RetryHintMs();
        ServerLog.SendingAway(logger, open.Count, hint);
        foreach (var loop in ownership.Loops)
        {
            loop.Post(new ServerShuttingDown(hint));
        }

        foreach (var connection in open.Where(c => c.Loop is null))
        {
            endpoint.SendAway(connection);
        }

        using var drained = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drained.CancelAfter(options.Value.ShutdownDrainTimeout);
        try
        {
            await Task.WhenAll(open.Select(c => c.Writer)).WaitAsync(drained.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            foreach (var connection in open)
            {
                connection.Abort();
            }
        }

        await Task.WhenAll(ownership.Loops.Select(l => l.StopAsync())).ConfigureAwait(false);
    }
}
