using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// The no-flicker invariants: a reconnect is shown (<see cref="ReconnectingVisibleNotice"/>) only while it goes on and
/// once it has lasted the peer's <see cref="ReconnectOptions.ReconnectingVisibleAfter"/>, at most once per reconnect;
/// its recovered notice comes only after it was shown, and a shown reconnect that heals is always told recovered.
/// Time is the world's: a peer's own clock never runs ahead of it (a sleeping peer's stops), so a reconnect the
/// world saw last less than the threshold was shown too early.
/// </summary>
internal sealed class NoFlickerChecker
{
    private readonly Dictionary<(string Observer, long? Ref), long> _reconnectingSince = [];
    private readonly HashSet<(string Observer, long? Ref)> _shown = [];
    private readonly HashSet<(string Observer, long? Ref)> _recovered = [];

    /// <summary>Checks one notice; yields each broken rule.</summary>
    public IEnumerable<string> OnNotice(ICheckedPeer peer, EngineNotice notice, long nowMs)
    {
        var name = peer.Name;
        switch (notice)
        {
            case LocalStateChangedNotice s:
                return StateChanged((name, null), s.From == LocalPeerState.Reconnecting, s.To == LocalPeerState.Reconnecting, s.To == LocalPeerState.Joined, nowMs);
            case RemoteStateChangedNotice r:
                return StateChanged((name, r.Ref), r.From == RemotePeerState.Reconnecting, r.To == RemotePeerState.Reconnecting, r.To == RemotePeerState.Connected, nowMs);
            case ReconnectingVisibleNotice visible:
                return Shown(peer, (name, visible.Ref), Who(name, visible.RemotePeerId), nowMs);
            case ReconnectingRecoveredNotice recovered:
                return Recovered((name, recovered.Ref), Who(name, recovered.RemotePeerId));
            default:
                return [];
        }
    }

    private static string Who(string observer, string? remote) => remote is null ? observer : $"{observer}'s view of {remote}";

    private List<string> Shown(ICheckedPeer peer, (string, long?) key, string who, long nowMs)
    {
        if (!_reconnectingSince.TryGetValue(key, out var since))
        {
            return [$"{who} was shown reconnecting while not reconnecting"];
        }

        var threshold = (long)peer.Engine.Options.ReconnectingVisibleAfter.TotalMilliseconds;
        List<string> problems = [];
        if (nowMs - since < threshold)
        {
            problems.Add($"{who} was shown reconnecting after {nowMs - since} ms, before its {threshold} ms threshold");
        }

        if (!_shown.Add(key))
        {
            problems.Add($"{who} was shown reconnecting twice in one reconnect");
        }

        return problems;
    }

    private List<string> Recovered((string, long?) key, string who)
    {
        if (!_shown.Remove(key))
        {
            return [$"{who} was told recovered from a reconnect it was never shown"];
        }

        _recovered.Add(key);
        return [];
    }

    private List<string> StateChanged((string, long?) key, bool wasReconnecting, bool isReconnecting, bool healed, long nowMs)
    {
        List<string> problems = [];
        if (isReconnecting && !wasReconnecting)
        {
            _reconnectingSince[key] = nowMs;
        }

        if (!wasReconnecting || isReconnecting)
        {
            return problems;
        }

        _reconnectingSince.Remove(key);
        var toldRecovered = _recovered.Remove(key);
        var shown = _shown.Remove(key);
        if (healed && shown)
        {
            problems.Add($"{Who(key.Item1, key.Item2 is null ? null : $"#{key.Item2}")} healed from a shown reconnect without a recovered notice");
        }

        if (!healed && toldRecovered)
        {
            problems.Add($"{Who(key.Item1, key.Item2 is null ? null : $"#{key.Item2}")} was told recovered but did not heal");
        }

        return problems;
    }
}
