using System.Globalization;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// The invariant "no state outlives its deadline": every state the tables give a deadline must end within it
/// (plus a second of slack for network delay). The local, socket and reconcile states are read after every
/// step (cheap properties, so a brief state between two long ones is never missed); remote peers, whose bounded
/// states are keyed by connection generation, are sampled. A sleeping peer's clock stops, so its ages restart on waking.
/// </summary>
public sealed class DeadlineChecker
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private TimeSpan _longestServerHint;
    private readonly Dictionary<(ICheckedPeer Peer, string What), (int State, long SinceMs)> _since = [];

    /// <summary>Creates the checker; the longest retry hint the server may give widens the backoff bound.</summary>
    public DeadlineChecker(TimeSpan longestServerHint) => _longestServerHint = longestServerHint;

    /// <summary>The server may give this retry hint: the backoff bound widens to it if it is the longest yet.</summary>
    public void AllowServerHint(TimeSpan hint) => _longestServerHint = Max(_longestServerHint, hint);

    /// <summary>Checks the local, socket and reconcile states of every peer; call after every step.</summary>
    public IEnumerable<string> CheckEngines(IEnumerable<ICheckedPeer> peers, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(peers);
        foreach (var peer in peers)
        {
            if (Asleep(peer))
            {
                continue;
            }

            var engine = peer.Engine;
            var options = engine.Options;
            if (Overrun(peer, "socket", (int)engine.SocketState, SocketBound(engine.SocketState, options), nowMs) is { } socket)
            {
                yield return $"{peer.Name} socket stayed {engine.SocketState} {socket}";
            }

            var leaving = engine.LocalState == LocalPeerState.Leaving ? options.LeaveTimeout : (TimeSpan?)null;
            if (Overrun(peer, "local", (int)engine.LocalState, leaving, nowMs) is { } local)
            {
                yield return $"{peer.Name} stayed {engine.LocalState} {local}";
            }

            var awaiting = engine.ReconcileState == ReconcileState.AwaitingRoster
                ? options.Reconcile.Deadline * (options.Reconcile.RosterRetries + 1)
                : (TimeSpan?)null;
            if (Overrun(peer, "reconcile", (int)engine.ReconcileState, awaiting, nowMs) is { } roster)
            {
                yield return $"{peer.Name} reconcile stayed {engine.ReconcileState} {roster}";
            }
        }
    }

    /// <summary>Checks every remote peer's state per connection generation; call at a sampling cadence.</summary>
    public IEnumerable<string> CheckRemotes(IEnumerable<ICheckedPeer> peers, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(peers);
        foreach (var peer in peers)
        {
            if (Asleep(peer))
            {
                continue;
            }

            foreach (var remote in peer.Engine.Snapshot.Remotes)
            {
                var bound = remote.State switch
                {
                    RemotePeerState.Idle => TimeSpan.Zero,
                    RemotePeerState.Connecting => peer.Engine.Options.IceRestart.ConnectTimeout,
                    _ => (TimeSpan?)null,
                };
                var what = string.Create(CultureInfo.InvariantCulture, $"remote {remote.Id}#{remote.Ref}");
                var state = ((int)remote.State * 1_000_000) + remote.Generation;
                if (Overrun(peer, what, state, bound, nowMs) is { } media)
                {
                    yield return $"{peer.Name} saw {remote.Id} stay {remote.State} on connection {remote.Generation} {media}";
                }
            }
        }
    }

    private bool Asleep(ICheckedPeer peer)
    {
        if (!peer.IsAsleep)
        {
            return false;
        }

        foreach (var key in _since.Keys.Where(k => ReferenceEquals(k.Peer, peer)).ToList())
        {
            _since.Remove(key);
        }

        return true;
    }

    private TimeSpan? SocketBound(SignallingSocketState state, ReconnectOptions options) => state switch
    {
        SignallingSocketState.FetchingToken => options.Token.FetchTimeout,
        SignallingSocketState.Connecting => options.Heartbeat.WelcomeTimeout,
        SignallingSocketState.WaitingToRetry => Max(options.Backoff.MaxDelay * (1 + options.Backoff.JitterFraction), Max(options.Backoff.CapacityFloor, _longestServerHint)),
        _ => null,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private string? Overrun(ICheckedPeer peer, string what, int state, TimeSpan? bound, long nowMs)
    {
        var key = (peer, what);
        if (!_since.TryGetValue(key, out var entered) || entered.State != state)
        {
            entered = (state, nowMs);
            _since[key] = entered;
        }

        if (bound is not { } limit || nowMs - entered.SinceMs <= (long)(limit + Slack).TotalMilliseconds)
        {
            return null;
        }

        _since[key] = (state, nowMs);
        return string.Create(CultureInfo.InvariantCulture, $"for {nowMs - entered.SinceMs} ms, past its {limit.TotalMilliseconds} ms deadline");
    }
}
