using Microsoft.Extensions.Options;
using Reconnect.Channel;
using Reconnect.Server.Signalling;

namespace Reconnect.Server.Hosting;

/// <summary>
/// Starts the channel loops and stops them gracefully: every client is sent away with the retryable going-away
/// close (1012 with a retry hint; the channel logic keeps their sessions for a resume), the server waits for the
/// sockets to close (at most the drain timeout), then the loops stop. The sending away happens while the host is
/// stopping, before any service stops, so the web server does not wait on sockets nobody closes.
/// </summary>
internal sealed class ChannelHost(
    IChannelOwnership ownership,
    ConnectionRegistry registry,
    SignalEndpoint endpoint,
    IOptions<ReconnectServerOptions> options,
    ILogger<ChannelHost> logger) : IHostedLifecycleService
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
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StoppingAsync(CancellationToken cancellationToken)
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
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(ownership.Loops.Select(l => l.StopAsync()));

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
