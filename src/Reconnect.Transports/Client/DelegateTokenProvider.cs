namespace Reconnect;

/// <summary>A token provider made of a delegate.</summary>
internal sealed class DelegateTokenProvider(Func<CancellationToken, ValueTask<TokenGrant>> fetch) : ITokenProvider
{
    public ValueTask<TokenGrant> GetTokenAsync(CancellationToken cancellationToken) => fetch(cancellationToken);
}
