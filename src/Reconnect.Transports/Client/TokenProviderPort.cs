using Microsoft.Extensions.Logging;
using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>
/// Adapts an <see cref="ITokenProvider"/> to the engine's token port. The engine arms its own fetch timeout and
/// ignores a late answer by attempt number; a newer fetch or disposal cancels the call still under way.
/// </summary>
internal sealed class TokenProviderPort(ITokenProvider provider, IEngineInputSink sink, TimeProvider time, ILogger logger) : ITokenPort, IDisposable
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
            sink.Post(Answer(attempt, grant));
        }
#pragma warning disable CA1031 // Any failure of the application's provider is a failed attempt for the engine.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            ClientLog.TokenProviderFailed(logger, attempt, ex);
            sink.Post(new TokenFetchFailed(attempt, ex.Message, NetworkErrors.IsLocalOutage(ex)));
        }
    }

    /// <summary>The engine's input for a grant: a grant with no token, or with an endpoint that is not a WebSocket URI, is a failed fetch.</summary>
    private TokenFetchFailed? Refusal(long attempt, TokenGrant? grant) => grant switch
    {
        null or { Token: null or { Length: 0 } } => new TokenFetchFailed(attempt, "the token provider returned no token"),
        { Headers: { } headers } when headers.Any(h => string.IsNullOrWhiteSpace(h.Key) || h.Value is null) =>
            new TokenFetchFailed(attempt, "the token provider returned a header with no name or no value"),
        { Endpoint: { } endpoint } when endpoint is not { IsAbsoluteUri: true, Scheme: "ws" or "wss" } =>
            new TokenFetchFailed(attempt, $"the token provider returned the endpoint {endpoint}, which is not an absolute ws:// or wss:// URI"),
        _ => null,
    };

    private EngineInput Answer(long attempt, TokenGrant? grant) =>
        (EngineInput?)Refusal(attempt, grant) ?? new TokenFetched(
            attempt,
            grant!.Token,
            grant.IceServers ?? [],
            grant.ExpiresAt is { } expiresAt ? expiresAt - time.GetUtcNow() : null,
            grant.Endpoint is null && grant.Headers is not { Count: > 0 } ? null : new SignallingRoute(grant.Endpoint, grant.Headers ?? new Dictionary<string, string>()));

    private void CancelInFlight()
    {
        Interlocked.Exchange(ref _inFlight, null)?.Cancel();
    }
}
