using Microsoft.Extensions.Logging;
using Reconnect.Core.Engine;
using Reconnect.Transports.Hosting;
using Reconnect.Transports.Network;

namespace Reconnect.Transports.Client;

/// <summary>
/// Adapts an <see cref="ITokenProvider"/> to the engine's token port. The engine arms its own fetch timeout and
/// ignores a late answer by attempt number; a newer fetch or disposal cancels the call still under way.
/// </summary>
internal sealed class TokenProviderPort(ITokenProvider provider, IEngineInputSink sink, ILogger logger) : ITokenPort, IDisposable
{
    private CancellationTokenSource? _inFlight;

    public void Fetch(long attempt)
    {
        CancelInFlight();
        var cancellation = new CancellationTokenSource();
        _inFlight = cancellation;
        _ = FetchAsync(attempt, cancellation.Token);
    }

    public void Dispose() => CancelInFlight();

    private async Task FetchAsync(long attempt, CancellationToken cancellationToken)
    {
        try
        {
            var grant = await provider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            sink.Post(grant is { Token: { } token }
                ? new TokenFetched(attempt, token, grant.IceServers ?? [])
                : new TokenFetchFailed(attempt, "the token provider returned no token"));
        }
#pragma warning disable CA1031 // Any failure of the application's provider is a failed attempt for the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ClientLog.TokenProviderFailed(logger, attempt, ex);
            sink.Post(new TokenFetchFailed(attempt, ex.Message, NetworkErrors.IsLocalOutage(ex)));
        }
    }

    private void CancelInFlight()
    {
        Interlocked.Exchange(ref _inFlight, null)?.Cancel();
    }
}
