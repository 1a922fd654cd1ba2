using Reconnect.Core.Policies;

namespace Reconnect.Channel;

/// <summary>A fresh token handed over on a joined connection, so a long call outlives its first token.</summary>
public sealed partial class ChannelServer
{
    /// <summary>
    /// Takes a fresh token when it checks out, names the same account and peer and allows the joined channel; the shell re-arms
    /// the expiry on it. A token refused for good ends the session with the refusal's terminal code, and the code is
    /// remembered so the session cannot be resumed; an expired one closes the connection with 4002, like an expiry.
    /// </summary>
    private void OnRefreshToken(Connection connection, Session session, string token)
    {
        var check = tokens.Validate(token);
        var refusal = check switch
        {
            TokenRejected rejected => (Code: rejected.CloseCode, Why: "refreshed token refused"),
            TokenAccepted grant when grant.Account != connection.Grant.Account =>
                (Code: CloseCodes.InvalidToken, Why: $"refreshed token is for account {grant.Account}, not {connection.Grant.Account}"),
            TokenAccepted grant when !grant.AllowsPeer(session.PeerId) =>
                (Code: CloseCodes.InvalidToken, Why: $"refreshed token is for peer {grant.PeerId}, not {session.PeerId}"),
            TokenAccepted grant when !grant.Allows(session.Channel) =>
                (Code: CloseCodes.ChannelNotAuthorized, Why: $"refreshed token allows {grant.ChannelPattern}"),
            TokenAccepted => ((int Code, string Why)?)null,
            var other => throw new InvalidOperationException($"The token validator returned {other?.GetType().Name ?? "null"}."),
        };
        if (refusal is not { } refused)
        {
            connection.Grant = (TokenAccepted)check;
            outbox.Enqueue(new TokenRenewed(connection.Id, token));
            Notice(ChannelNoticeKinds.TokenRefreshed, session.Channel, session.PeerId, $"connection {connection.Id}");
            return;
        }

        var close = CloseCodePolicy.Classify(refused.Code);
        if (close.IsTerminal)
        {
            terminalCloses.Remember(session, refused.Code, now, now + options.TerminalCloseMemory);
            EndSession(session, PeerLeftReasons.TokenRefused, refused.Code, close.Name, null);
        }
        else
        {
            Close(connection, refused.Code);
        }

        Notice(ChannelNoticeKinds.Rejected, session.Channel, session.PeerId, $"connection {connection.Id}: {refused.Code} {close.Name}: {refused.Why}");
        if (!close.IsTerminal)
        {
            GoAway(session, PeerAwayReasons.ClosedByServer, refused.Code);
        }
    }
}
