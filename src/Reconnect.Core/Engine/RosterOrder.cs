namespace Reconnect.Core.Engine;

/// <summary>
/// What the engine knows of the server's roster order. The server numbers every roster change (a join, a leave,
/// an update) and stamps snapshots and events with that version; this remembers the newest snapshot applied and the
/// sessions a versioned peer-left removed (tombstones, bounded), so that an older snapshot never undoes a newer
/// event and an event a snapshot already reflects is ignored. Version 0 is a server without versions: nothing is
/// ordered and every message applies as it comes.
/// </summary>
internal sealed class RosterOrder
{
    /// <summary>The most tombstones kept; when full, the oldest (lowest version) is forgotten first.</summary>
    public const int TombstoneCapacity = 256;

    private readonly SortedDictionary<string, (string SessionId, long Version)> _left = new(StringComparer.Ordinal);

    /// <summary>The version of the newest snapshot applied; 0 before any, or from a server without versions.</summary>
    public long SnapshotVersion { get; private set; }

    /// <summary>Why an event of <paramref name="version"/> about a peer's session no longer applies, or null when it does.</summary>
    /// <param name="version">The event's version.</param>
    /// <param name="peerId">The peer.</param>
    /// <param name="sessionId">The peer's session the event is about.</param>
    /// <param name="known">The version of the newest fact applied about the peer, 0 when none.</param>
    public string? Stale(long version, string peerId, string sessionId, long known)
    {
        if (version == 0)
        {
            return null;
        }

        if (version <= SnapshotVersion)
        {
            return $"version {version} is already reflected by the roster snapshot of version {SnapshotVersion}";
        }

        if (version <= known)
        {
            return $"version {version} is older than the peer's newest fact (version {known})";
        }

        return _left.TryGetValue(peerId, out var left) && left.SessionId == sessionId && left.Version >= version
            ? $"version {version} is older than the session's leave (version {left.Version})"
            : null;
    }

    /// <summary>True when the session left after a snapshot of <paramref name="snapshotVersion"/> was taken.</summary>
    public bool LeftAfter(string peerId, string sessionId, long snapshotVersion) =>
        snapshotVersion != 0 && _left.TryGetValue(peerId, out var left) && left.SessionId == sessionId && left.Version > snapshotVersion;

    /// <summary>Records that a session left at a version, so an older snapshot or join cannot bring it back.</summary>
    public void Left(string peerId, string sessionId, long version)
    {
        if (version == 0)
        {
            return;
        }

        if (!_left.ContainsKey(peerId) && _left.Count >= TombstoneCapacity)
        {
            _left.Remove(_left.MinBy(t => t.Value.Version).Key);
        }

        _left[peerId] = (sessionId, version);
    }

    /// <summary>A snapshot was applied: it reflects every change up to its version, so older tombstones are no longer needed.</summary>
    public void SnapshotApplied(long version)
    {
        if (version <= SnapshotVersion)
        {
            return;
        }

        SnapshotVersion = version;
        foreach (var peerId in _left.Where(t => t.Value.Version <= version).Select(t => t.Key).ToList())
        {
            _left.Remove(peerId);
        }
    }

    /// <summary>A new session began (possibly on a restarted server whose versions start again): forget every version.</summary>
    public void Reset()
    {
        SnapshotVersion = 0;
        _left.Clear();
    }
}
