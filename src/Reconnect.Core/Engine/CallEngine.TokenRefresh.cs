using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>
/// The token in use, and its refresh over the open socket: ahead of its expiry (see <see cref="TokenRefreshSchedule"/>)
/// the provider is asked for a fresh token, which goes to the server in a <see cref="RefreshTokenMessage"/> without
/// reconnecting; a failed refresh is tried again until the token expires, and then the server's 4002 close runs the
/// normal path. The refresh lives only while the socket is open.
/// </summary>
public sealed partial class CallEngine
{
    private Instant _tokenFetchedAt;
    private Instant? _tokenExpiresAt;
    private long? _refreshAttempt;
    private int _refreshFailures;

    /// <summary>The token, STUN/TURN servers, route and expiry of a grant become the ones in use.</summary>
    private void TakeToken(TokenFetched token)
    {
        _token = token.Token;
        _iceServers = [.. token.IceServers];
        _route = token.Route;
        _tokenFetchedAt = _now;
        _tokenExpiresAt = token.ValidFor is { } validFor ? _now + validFor : null;
        _consecutiveTokenFailures = 0;
    }

    /// <summary>Arms the refresh of the token in use, when its expiry is known.</summary>
    private void ArmTokenRefresh()
    {
        if (_tokenExpiresAt is { } expiresAt)
        {
            var due = TokenRefreshSchedule.RefreshAt(_tokenFetchedAt, expiresAt, _options.Token, _refreshJitter.NextDouble());
            _timers.Start(TimerKind.TokenRefreshDue, string.Empty, Instant.Max(due, _now), _emit);
        }
    }

    /// <summary>The socket is no longer open: a refresh waiting or under way is dropped; the next socket fetches its own token.</summary>
    private void StopTokenRefresh()
    {
        _timers.Cancel(TimerKind.TokenRefreshDue, string.Empty, _emit);
        _timers.Cancel(TimerKind.TokenRefreshTimeout, string.Empty, _emit);
        _refreshAttempt = null;
        _refreshFailures = 0;
    }

    private void StartTokenRefresh()
    {
        _refreshAttempt = ++_tokenAttempt;
        Emit(new FetchToken(_refreshAttempt.Value));
        _timers.Start(TimerKind.TokenRefreshTimeout, string.Empty, _now + _options.Token.FetchTimeout, _emit);
    }

    /// <summary>True when the input answers the refresh under way, which it then handles.</summary>
    private bool AnswersTokenRefresh(EngineInput input)
    {
        switch (input)
        {
            case TokenFetched token when token.Attempt == _refreshAttempt:
                EndRefreshFetch();
                TakeToken(token);
                _refreshFailures = 0;
                Send(new RefreshTokenMessage(token.Token));
                if (token.ValidFor is { } validFor)
                {
                    Emit(new TokenRefreshedNotice(validFor));
                }

                ArmTokenRefresh();
                return true;
            case TokenFetchFailed failed when failed.Attempt == _refreshAttempt:
                RefreshFailed(failed.Reason, failed.NetworkUnreachable);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A refresh failed: tried again with a doubling wait while the token in use is valid, else left to the server's expiry close.</summary>
    private void RefreshFailed(string reason, bool networkUnreachable)
    {
        EndRefreshFetch();
        _refreshFailures++;
        var retryAt = _tokenExpiresAt is { } expiresAt ? TokenRefreshSchedule.RetryAt(_now, _refreshFailures, expiresAt, _options.Token) : null;
        Emit(new TokenRefreshFailedNotice(_refreshFailures, networkUnreachable ? $"{reason} (network unreachable)" : reason, retryAt - _now));
        if (retryAt is { } due)
        {
            _timers.Start(TimerKind.TokenRefreshDue, string.Empty, due, _emit);
        }
    }

    private void EndRefreshFetch()
    {
        _refreshAttempt = null;
        _timers.Cancel(TimerKind.TokenRefreshTimeout, string.Empty, _emit);
    }
}
