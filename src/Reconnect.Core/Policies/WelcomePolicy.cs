using Reconnect.Core.Protocol;

namespace Reconnect.Core.Policies;

/// <summary>One decision about a welcome, applied by the engine in order.</summary>
internal abstract record WelcomeDecision;

/// <summary>The socket is not waiting for a welcome: it is ignored, with the reason.</summary>
internal sealed record WelcomeIgnored(string Reason) : WelcomeDecision;

/// <summary>The welcome breaks the protocol; the violation is raised.</summary>
internal sealed record WelcomeViolation(string Message) : WelcomeDecision;

/// <summary>A new session (not a resume) may be on a restarted server whose roster versions start again: every version is forgotten.</summary>
internal sealed record ForgetRosterVersions : WelcomeDecision;

/// <summary>The welcome is taken: the session, the server's silence grace (null when unknown), and whether missing peers are awaited.</summary>
internal sealed record AdoptWelcome(string SessionId, TimeSpan? ServerGrace, bool AwaitRejoins) : WelcomeDecision;

/// <summary>
/// What a welcome does: ignored unless the socket waits for one; refused when it names another peer or no session; a
/// silence grace that is not positive is a violation taken as unknown; a new session forgets the roster versions and,
/// after an earlier welcome, awaits the peers the server lost. Pure: the socket's waiting and the earlier welcomes are inputs.
/// </summary>
internal static class WelcomePolicy
{
    public static IReadOnlyList<WelcomeDecision> Decide(WelcomeMessage welcome, string localPeerId, bool awaited, bool welcomedBefore)
    {
        if (!awaited)
        {
            return [new WelcomeIgnored("the socket is not waiting for a welcome")];
        }

        if (welcome.PeerId != localPeerId || string.IsNullOrEmpty(welcome.SessionId))
        {
            return [new WelcomeViolation($"welcome for '{welcome.PeerId}' with session '{welcome.SessionId}'")];
        }

        var decisions = new List<WelcomeDecision>();
        if (welcome.SilenceGraceMs is <= 0)
        {
            decisions.Add(new WelcomeViolation($"welcome with a silence grace of {welcome.SilenceGraceMs} ms; taken as unknown"));
        }

        if (!welcome.Resumed)
        {
            decisions.Add(new ForgetRosterVersions());
        }

        var grace = welcome.SilenceGraceMs is > 0 and var ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
        decisions.Add(new AdoptWelcome(welcome.SessionId, grace, !welcome.Resumed && welcomedBefore));
        return decisions;
    }
}
