using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>
/// One reconnect the app sees, from entering reconnecting to leaving it: when it began, whose it is, and whether the
/// app was shown it.
/// </summary>
/// <param name="Since">When reconnecting began.</param>
/// <param name="RemotePeerId">The remote peer, or null for the local peer.</param>
/// <param name="Ref">The identity of the RemotePeer object, or null for the local peer.</param>
internal sealed record ReconnectingEpisode(Instant Since, string? RemotePeerId, long? Ref)
{
    /// <summary>The reconnecting-visible notice was raised for this reconnect.</summary>
    public bool Shown { get; set; }
}

/// <summary>
/// No flicker: a reconnect is shown to the app (<see cref="ReconnectingVisibleNotice"/>) only once it has lasted
/// <see cref="ReconnectOptions.ReconnectingVisibleAfter"/>, and its end is told (<see cref="ReconnectingRecoveredNotice"/>)
/// only when it was shown and healed. Keyed by timer owner: empty for the local peer, the id for a remote peer.
/// </summary>
public sealed partial class CallEngine
{
    private readonly Dictionary<string, ReconnectingEpisode> _reconnects = new(StringComparer.Ordinal);

    private void ApplyReconnectingVisibleEffect(LocalPeerEffect effect)
    {
        if (effect == LocalPeerEffect.StartReconnectingVisibleTimer)
        {
            BeginReconnecting(string.Empty, null, null);
        }
        else
        {
            EndReconnecting(string.Empty, LocalState == LocalPeerState.Reconnecting, LocalState == LocalPeerState.Joined);
        }
    }

    private void ApplyReconnectingVisibleEffect(RemotePeerEntry peer, RemotePeerEffect effect)
    {
        if (effect == RemotePeerEffect.StartReconnectingVisibleTimer)
        {
            BeginReconnecting(peer.Id, peer.Id, peer.Ref);
        }
        else
        {
            EndReconnecting(peer.Id, peer.State == RemotePeerState.Reconnecting, peer.State == RemotePeerState.Connected);
        }
    }

    /// <summary>Arms the owner's timer, unless a reconnect the app already sees goes on: a re-entry keeps its start.</summary>
    private void BeginReconnecting(string owner, string? remotePeerId, long? reference)
    {
        if (_reconnects.TryAdd(owner, new ReconnectingEpisode(_now, remotePeerId, reference)))
        {
            _timers.Start(TimerKind.ReconnectingVisible, owner, _now + _options.ReconnectingVisibleAfter, _emit);
        }
    }

    /// <summary>Ends the owner's reconnect unless it goes on (a re-entry); a shown one that healed is told recovered.</summary>
    private void EndReconnecting(string owner, bool stillReconnecting, bool healed)
    {
        if (stillReconnecting || !_reconnects.Remove(owner, out var episode))
        {
            return;
        }

        _timers.Cancel(TimerKind.ReconnectingVisible, owner, _emit);
        if (episode.Shown && healed)
        {
            Emit(new ReconnectingRecoveredNotice(episode.RemotePeerId, episode.Ref, _now - episode.Since));
        }
    }

    private void ShowReconnecting(string owner)
    {
        var episode = _reconnects[owner];
        episode.Shown = true;
        Emit(new ReconnectingVisibleNotice(episode.RemotePeerId, episode.Ref, _now - episode.Since));
    }
}
