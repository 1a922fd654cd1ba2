using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>
/// The sessions that ended lately, with why, over every channel: bounded in count and in age, oldest first. A peer
/// that was away learns from it the true reason of a departure it missed, and a refused resume names why the session
/// is gone.
/// </summary>
internal sealed class DepartureLog(TimeSpan memory, int capacity)
{
    private readonly Queue<(string Channel, DepartedSession Session, Instant At)> departures = new();

    public void Add(string channel, DepartedSession session, Instant at)
    {
        departures.Enqueue((channel, session, at));
        Forget(at);
    }

    /// <summary>The channel's departures still remembered, oldest first.</summary>
    public IReadOnlyList<DepartedSession> In(string channel, Instant now)
    {
        Forget(now);
        return [.. departures.Where(d => d.Channel == channel).Select(d => d.Session)];
    }

    /// <summary>How a session of a channel ended, if it is still remembered.</summary>
    public DepartedSession? Find(string channel, string sessionId, Instant now) =>
        In(channel, now).LastOrDefault(d => d.SessionId == sessionId);

    /// <summary>The latest remembered departure of a peer id in a channel.</summary>
    public DepartedSession? LatestOf(string channel, string peerId, Instant now) =>
        In(channel, now).LastOrDefault(d => d.PeerId == peerId);

    private void Forget(Instant now)
    {
        while (departures.Count > capacity || (departures.TryPeek(out var oldest) && now - oldest.At > memory))
        {
            departures.Dequeue();
        }
    }
}
