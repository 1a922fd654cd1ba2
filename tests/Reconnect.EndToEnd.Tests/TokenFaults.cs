
namespace Reconnect.EndToEnd.Tests;

/// <summary>Wraps a token provider so that its next calls fail, as many as armed, then work again.</summary>
internal sealed class TokenFaults
{
    private readonly Lock _gate = new();
    private int _failuresLeft;

    /// <summary>How many calls failed so far.</summary>
    public int Failed { get; private set; }

    /// <summary>Makes the next <paramref name="count"/> calls fail.</summary>
    public void FailNext(int count)
    {
        lock (_gate)
        {
            _failuresLeft = count;
        }
    }

    /// <summary>The provider <paramref name="fetch"/> behind the armed failures.</summary>
    public Func<CancellationToken, ValueTask<TokenGrant>> Around(Func<CancellationToken, ValueTask<TokenGrant>> fetch) => ct =>
    {
        lock (_gate)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                Failed++;
                throw new InvalidOperationException("The token service is down (test fault).");
            }
        }

        return fetch(ct);
    };
}
