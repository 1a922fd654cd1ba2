using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Engine;

/// <summary>What the reconcile diff reads besides the snapshot.</summary>
/// <param name="LocalPeerId">The local peer, which a roster must not list.</param>
/// <param name="Known">The identity map before the snapshot, ordered by id.</param>
/// <param name="Order">The roster order applied so far (which sessions left after which version).</param>
/// <param name="AwaitRejoins">True when the server lost its sessions: a missing peer is awaited, not dropped.</param>
/// <param name="RebuildAll">True when every kept connection is rebuilt (forced by the options or a local change).</param>
/// <param name="Epoch">The socket epoch of this round.</param>
internal sealed record RosterDiffContext(string LocalPeerId, IReadOnlyList<KnownPeer> Known, RosterOrder Order, bool AwaitRejoins, bool RebuildAll, long Epoch);

/// <summary>
/// The reconcile diff as a pure function: a full roster snapshot against the identity map gives the ordered
/// decisions (violations, ignored parts, awaits, removes, keeps, swaps, adds) that the engine applies.
/// </summary>
internal static class RosterDiff
{
    /// <summary>The peer-left reason when a peer is gone from the roster and the server did not say why.</summary>
    public const string UnknownDeparture = "unknown";

    /// <summary>The peer-left reason when a closed RemotePeer's id is listed again.</summary>
    public const string ClosedReplaced = "replaced after its connection was closed";

    public static IReadOnlyList<RosterDecision> Compute(RosterMessage roster, RosterDiffContext context)
    {
        var decisions = new List<RosterDecision>();
        var snapshot = Snapshot(roster, context.LocalPeerId, decisions);
        var known = context.Known.ToDictionary(k => k.Id, StringComparer.Ordinal);
        var version = roster.Version;

        foreach (var gone in context.Known.Where(k => !snapshot.TryGetValue(k.Id, out var e) || e.SessionId != k.SessionId))
        {
            if (version != 0 && gone.Version > version)
            {
                decisions.Add(new RosterPartIgnored($"roster {roster.RequestId} (version {version}) about {gone.Id}", $"the peer's event of version {gone.Version} is newer than the snapshot"));
                snapshot.Remove(gone.Id);
                continue;
            }

            var departed = roster.Departed?.LastOrDefault(d => d.PeerId == gone.Id && d.SessionId == gone.SessionId);
            var listed = snapshot.ContainsKey(gone.Id);
            if (departed is null && gone.State != RemotePeerState.Closed && (listed || gone.AwaitingRejoin || context.AwaitRejoins || roster.Departed is not null))
            {
                if (!listed)
                {
                    decisions.Add(new AwaitPeerRejoin(gone.Id));
                }

                continue;
            }

            decisions.Add(new RemoveKnownPeer(gone.Id, departed?.Reason ?? (listed ? "replaced" : UnknownDeparture)));
            known.Remove(gone.Id);
        }

        foreach (var leftLater in snapshot.Values.Where(e => context.Order.LeftAfter(e.PeerId, e.SessionId, version)).ToList())
        {
            decisions.Add(new RosterPartIgnored($"roster {roster.RequestId} (version {version}) about {leftLater.PeerId}", "the session left after the snapshot was taken"));
            snapshot.Remove(leftLater.PeerId);
        }

        foreach (var entry in snapshot.Values)
        {
            decisions.AddRange(Listed(entry, known.TryGetValue(entry.PeerId, out var peer) ? peer : null, version, context));
        }

        return decisions;
    }

    /// <summary>The snapshot by id, each protocol violation noted (the local peer listed, a peer listed twice).</summary>
    private static SortedDictionary<string, RosterEntry> Snapshot(RosterMessage roster, string localPeerId, List<RosterDecision> decisions)
    {
        var snapshot = new SortedDictionary<string, RosterEntry>(StringComparer.Ordinal);
        foreach (var entry in roster.Peers)
        {
            if (entry.PeerId == localPeerId)
            {
                decisions.Add(new RosterViolation($"the roster lists the local peer '{entry.PeerId}'"));
            }
            else if (!snapshot.TryAdd(entry.PeerId, entry))
            {
                decisions.Add(new RosterViolation($"the roster lists '{entry.PeerId}' twice; the first entry is kept"));
            }
        }

        return snapshot;
    }

    /// <summary>What becomes of a listed peer: kept (rejoined, updated, swapped or kept as is), or added anew.</summary>
    private static IEnumerable<RosterDecision> Listed(RosterEntry entry, KnownPeer? known, long version, RosterDiffContext context)
    {
        if (known is not { State: not RemotePeerState.Closed } peer)
        {
            if (known is not null)
            {
                yield return new ReplaceClosedPeer(entry.PeerId);
            }

            yield return new AddNewPeer(entry);
            yield break;
        }

        if (entry.SessionId != peer.SessionId)
        {
            yield return new KeepRejoinedPeer(peer.Id, entry);
            yield break;
        }

        if (version == 0 || peer.Version <= version)
        {
            yield return new UpdateKnownPeer(peer.Id, entry);
        }

        yield return peer.ConnectionEpoch != context.Epoch && (context.RebuildAll || peer is not ({ State: RemotePeerState.Connected } or { Away: true }))
            ? new SwapConnection(peer.Id)
            : new KeepConnection(peer.Id, entry.Away);
    }
}
