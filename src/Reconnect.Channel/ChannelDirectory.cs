namespace Reconnect.Channel;

/// <summary>Every live session, by channel and peer id (ordinal order) and by session id; an empty channel disappears.</summary>
internal sealed class ChannelDirectory
{
    private readonly SortedDictionary<string, SortedDictionary<string, Session>> channels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Session> sessionsById = new(StringComparer.Ordinal);

    public IReadOnlyList<string> ChannelNames => [.. channels.Keys];

    public Session? FindById(string sessionId) => sessionsById.GetValueOrDefault(sessionId);

    public Session? Find(string channel, string peerId) =>
        channels.TryGetValue(channel, out var members) ? members.GetValueOrDefault(peerId) : null;

    public int Count(string channel) => channels.TryGetValue(channel, out var members) ? members.Count : 0;

    /// <summary>The channel's sessions ordered by peer id, as a snapshot safe to hold while the directory changes.</summary>
    public IReadOnlyList<Session> Members(string channel) =>
        channels.TryGetValue(channel, out var members) ? [.. members.Values] : [];

    public void Add(Session session)
    {
        if (!channels.TryGetValue(session.Channel, out var members))
        {
            members = new SortedDictionary<string, Session>(StringComparer.Ordinal);
            channels.Add(session.Channel, members);
        }

        members.Add(session.PeerId, session);
        sessionsById.Add(session.Id, session);
    }

    public void Remove(Session session)
    {
        var members = channels[session.Channel];
        members.Remove(session.PeerId);
        sessionsById.Remove(session.Id);
        if (members.Count == 0)
        {
            channels.Remove(session.Channel);
        }
    }
}
