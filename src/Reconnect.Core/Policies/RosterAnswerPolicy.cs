using Reconnect.Core.Protocol;

namespace Reconnect.Core.Policies;

/// <summary>
/// Whether a roster answers the reconcile round under way: one that answers an earlier round (or comes when no round
/// awaits or keeps answers) is ignored, and so is one older than the snapshot already applied (versions 0 are a server
/// without versions and never older). Pure.
/// </summary>
internal static class RosterAnswerPolicy
{
    /// <summary>Why the roster is ignored, or null when it answers the round.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="roundTakesAnswers">True while a round awaits its roster or has one (timed out or done).</param>
    /// <param name="roundFirstRequestId">The first request id of the round under way.</param>
    /// <param name="snapshotVersion">The version of the newest snapshot applied.</param>
    public static string? IgnoredBecause(RosterMessage roster, bool roundTakesAnswers, int roundFirstRequestId, long snapshotVersion)
    {
        if (!roundTakesAnswers || roster.RequestId < roundFirstRequestId)
        {
            return "answers a superseded reconcile round";
        }

        return roster.Version != 0 && roster.Version < snapshotVersion
            ? $"version {roster.Version} is older than the snapshot already applied (version {snapshotVersion})"
            : null;
    }
}
