using System.Globalization;
using Reconnect.Channel;

namespace Reconnect.Testing.World;

/// <summary>Server faults: a graceful restart, a crash that loses every session, an operator kick, a token expiry.</summary>
internal sealed partial class FaultInjector
{
    private int _refusals;
    private int _crashes;

    private void ServerRestart(int? retryAfterMs, int? durationMs)
    {
        if (retryAfterMs is { } hint)
        {
            _world.Checker.ServerMayHint(TimeSpan.FromMilliseconds(hint));
        }

        _world.Server.Operate(new ServerShuttingDown(retryAfterMs));
        RefuseConnections(durationMs, "end server-restart");
    }

    /// <summary>
    /// The process dies: sockets are cut with no going-away, sessions are lost with the old channel logic (so they
    /// truly ended: peers that see them leave are right to), and a fresh instance whose session ids cannot repeat a
    /// lost one takes over, refusing connections for the duration.
    /// </summary>
    private void ServerCrash(int? durationMs)
    {
        var logic = _world.Server.Logic;
        _world.Checker.SessionsLost(logic.Channels.SelectMany(logic.Roster).Select(entry => entry.SessionId));
        _crashes++;
        _world.Server.Crash(_world.NewChannelLogic(string.Create(CultureInfo.InvariantCulture, $"r{_crashes}-s")));
        RefuseConnections(durationMs, "end server-crash");
    }

    private void ServerKick(IFaultPeer peer, int code) =>
        _world.Server.Operate(new AdminKick(peer.Channel, peer.Name, code));

    private void TokenExpiry(IFaultPeer peer)
    {
        if (_world.Server.ConnectionOf(peer.Signalling, peer.Signalling.Epoch) is { } connection)
        {
            _world.Server.Operate(new TokenExpired(connection));
        }
    }

    /// <summary>Refuses connections for the duration (counted, so nested refusals end with the last of them); nothing without one.</summary>
    private void RefuseConnections(int? durationMs, string label)
    {
        if (durationMs is null)
        {
            return;
        }

        _refusals++;
        _world.Server.Accepting = false;
        Later(
            durationMs,
            () =>
            {
                _refusals--;
                _world.Server.Accepting = _refusals == 0;
            },
            label);
    }
}
