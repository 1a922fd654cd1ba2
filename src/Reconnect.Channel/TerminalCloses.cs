using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>
/// The sessions the server ended with a terminal close code (a kick with 4005 <c>admin_disconnect</c>, 4004
/// <c>account_suspended</c>, ...), remembered so that a peer away when it happened is refused with that same code
/// when it comes back to resume, instead of being told it was evicted. Bounded: each record expires, and when full
/// the oldest is forgotten first.
/// </summary>
internal sealed class TerminalCloses(int capacity)
{
    private readonly Queue<Record> order = new();
    private readonly Dictionary<string, Record> bySession = new(StringComparer.Ordinal);

    /// <summary>Remembers that a session was closed for good with a code, until <paramref name="expires"/>.</summary>
    public void Remember(Session session, int code, Instant now, Instant expires)
    {
        Forget(now);
        while (bySession.Count >= capacity && order.TryDequeue(out var oldest))
        {
            bySession.Remove(oldest.SessionId);
        }

        var record = new Record(session.Id, session.Channel, session.PeerId, session.Account, code, expires);
        order.Enqueue(record);
        bySession[record.SessionId] = record;
    }

    /// <summary>The terminal code a session was closed with, when the same channel, peer and account ask to resume it.</summary>
    public int? CodeFor(string sessionId, string channel, string peerId, string account, Instant now)
    {
        Forget(now);
        return bySession.TryGetValue(sessionId, out var record)
            && record.Channel == channel
            && record.PeerId == peerId
            && record.Account == account
                ? record.Code
                : null;
    }

    /// <summary>Drops every record that has expired (they expire in the order they were made).</summary>
    private void Forget(Instant now)
    {
        while (order.TryPeek(out var oldest) && oldest.Expires <= now)
        {
            order.Dequeue();
            bySession.Remove(oldest.SessionId);
        }
    }

    private sealed record Record(string SessionId, string Channel, string PeerId, string Account, int Code, Instant Expires);
}
