using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Policies;

/// <summary>The welcome rule alone: a welcome against whether the socket waits for one and whether one came before.</summary>
public sealed class WelcomePolicyTests
{
    private static List<WelcomeDecision> Decide(WelcomeMessage welcome, bool awaited = true, bool welcomedBefore = false) =>
        [.. WelcomePolicy.Decide(welcome, "A", awaited, welcomedBefore)];

    [Fact]
    public void A_welcome_the_socket_is_not_waiting_for_is_ignored_even_when_it_is_malformed()
    {
        Assert.Equal([new WelcomeIgnored("the socket is not waiting for a welcome")], Decide(new WelcomeMessage("Z", "", false, -1), awaited: false));
    }

    [Theory]
    [InlineData("Z", "s1")]
    [InlineData("A", "")]
    public void A_welcome_for_another_peer_or_without_a_session_is_a_violation_and_nothing_is_adopted(string peerId, string sessionId)
    {
        Assert.Equal([new WelcomeViolation($"welcome for '{peerId}' with session '{sessionId}'")], Decide(new WelcomeMessage(peerId, sessionId, true, 45_000)));
    }

    [Fact]
    public void A_resumed_welcome_keeps_the_roster_versions_and_awaits_no_one()
    {
        Assert.Equal([new AdoptWelcome("s1", TimeSpan.FromSeconds(45), false)], Decide(new WelcomeMessage("A", "s1", true, 45_000), welcomedBefore: true));
    }

    [Fact]
    public void A_new_session_forgets_the_roster_versions_and_awaits_lost_peers_only_after_an_earlier_welcome()
    {
        Assert.Equal([new ForgetRosterVersions(), new AdoptWelcome("s1", null, false)], Decide(new WelcomeMessage("A", "s1", false)));
        Assert.Equal([new ForgetRosterVersions(), new AdoptWelcome("s1", null, true)], Decide(new WelcomeMessage("A", "s1", false), welcomedBefore: true));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void A_grace_that_is_not_positive_is_a_violation_taken_as_unknown(long graceMs)
    {
        Assert.Equal(
            [new WelcomeViolation($"welcome with a silence grace of {graceMs} ms; taken as unknown"), new AdoptWelcome("s1", null, false)],
            Decide(new WelcomeMessage("A", "s1", true, graceMs)));
    }
}
