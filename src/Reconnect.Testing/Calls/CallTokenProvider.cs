using Reconnect.Testing.World;

namespace Reconnect.Testing.Calls;

/// <summary>
/// A virtual call client's token provider: answers at once with the token the server accepts for the peer (even while
/// its host is offline: the socket attempt is what fails then), unless a token fault says to fail, to hang (never
/// answer, so the engine's fetch timeout runs) or to hand out an expired token, by the simulated provider's rules.
/// </summary>
internal sealed class CallTokenProvider(string peerId) : ITokenProvider, ITokenFaults
{
    private static readonly TokenGrant Expired = new(SimTokenPort.ExpiredToken);

    private readonly TokenGrant _fresh = new($"ok:{peerId}");

    public int FailuresToInject { get; set; }

    public int HangsToInject { get; set; }

    public int HangWindows { get; set; }

    public int ExpiredToInject { get; set; }

    public ValueTask<TokenGrant> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (this.TakeHang())
        {
            return new(new TaskCompletionSource<TokenGrant>().Task);
        }

        return this.TakeAnswer() switch
        {
            TokenAnswer.Failure => ValueTask.FromException<TokenGrant>(new InvalidOperationException("token service unavailable")),
            TokenAnswer.Expired => ValueTask.FromResult(Expired),
            _ => ValueTask.FromResult(_fresh),
        };
    }
}
