using System.Globalization;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Machines.SignallingSocket;
using Reconnect.Core.Options;
using Reconnect.Sim.World;

namespace Reconnect.Sim.Checkers;

/// <summary>
/// The invariant "no state outlives its deadline": every state the tables give a deadline must end within it
/// (plus a second of slack for network delay). A sleeping peer's clock stops, so its ages restart on waking.
/// </summary>
public sealed class DeadlineChecker
{
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private readonly TimeSpan _longestServerHint;
    private readonly Dictionary<string, (string State, long SinceMs)> _since = new(StringComparer.Ordinal);

    /// <summary>Creates the checker; the longest retry hint the server may give widens the backoff bound.</summary>
    public DeadlineChecker(TimeSpan longestServerHint) => _longestServerHint = longestServerHint;

    /// <summary>Checks every peer's states against their deadlines and reports each overrun.</summary>
    public IEnumerable<string> Check(IEnumerable<SimPeer> peers, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(peers);
        foreach (var peer in peers)
        {
            if (peer.Pump.IsPaused)
            {
                foreach (var key in _since.Keys.Where(k => k.StartsWith(peer.Name + "/", StringComparison.Ordinal)).ToList())
                {
                    _since.Remove(key);
                }

                continue;
            }

            var options = peer.Engine.Options;
            var snapshot = peer.Engine.Snapshot;
            if (Overrun(peer.Name, "socket", snapshot.Socket.ToString(), SocketBound(snapshot.Socket, options), nowMs) is { } socket)
            {
                yield return socket;
            }

            var local = snapshot.Local == LocalPeerState.Leaving ? options.LeaveTimeout : (TimeSpan?)null;
            if (Overrun(peer.Name, "local", snapshot.Local.ToString(), local, nowMs) is { } leaving)
            {
                yield return leaving;
            }

            var reconcile = snapshot.Reconcile == ReconcileState.AwaitingRoster
                ? options.Reconcile.Deadline * (options.Reconcile.RosterRetries + 1)
                : (TimeSpan?)null;
            if (Overrun(peer.Name, "reconcile", snapshot.Reconcile.ToString(), reconcile, nowMs) is { } roster)
            {
                yield return roster;
            }

            foreach (var remote in snapshot.Remotes)
            {
                var bound = remote.State switch
                {
                    RemotePeerState.Idle => TimeSpan.Zero,
                    RemotePeerState.Connecting => options.IceRestart.ConnectTimeout,
                    _ => (TimeSpan?)null,
                };
                if (Overrun(peer.Name, $"remote {remote.Id}#{remote.Ref}", $"{remote.State} on connection {remote.Generation}", bound, nowMs) is { } media)
                {
                    yield return media;
                }
            }
        }
    }

    private TimeSpan? SocketBound(SignallingSocketState state, ReconnectOptions options) => state switch
    {
        SignallingSocketState.FetchingToken => options.Token.FetchTimeout,
        SignallingSocketState.Connecting => options.Heartbeat.WelcomeTimeout,
        SignallingSocketState.WaitingToRetry => Max(options.Backoff.MaxDelay * (1 + options.Backoff.JitterFraction), Max(options.Backoff.CapacityFloor, _longestServerHint)),
        _ => null,
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private string? Overrun(string peer, string what, string state, TimeSpan? bound, long nowMs)
    {
        var key = $"{peer}/{what}";
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
        return string.Create(CultureInfo.InvariantCulture, $"{peer} {what} stayed {state} for {nowMs - entered.SinceMs} ms, past its {limit.TotalMilliseconds} ms deadline");
    }
}
