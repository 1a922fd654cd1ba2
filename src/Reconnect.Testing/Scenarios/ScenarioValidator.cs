using System.Globalization;
using Reconnect.Core.Policies;

namespace Reconnect.Testing.Scenarios;

/// <summary>Checks a parsed scenario against every rule the JSON shape cannot express and collects every problem.</summary>
internal sealed class ScenarioValidator
{
    /// <summary>The name of the server's host: a one-way fault may name it as <c>other</c>; no peer may take it.</summary>
    public const string ServerName = "server";

    private readonly List<ScenarioProblem> _problems = [];
    private readonly Scenario _scenario;
    private readonly SortedSet<string> _peerNames = new(StringComparer.Ordinal);

    /// <summary>False for faults injected into a virtual call: its clients declare their data channels in their own options.</summary>
    private bool _channelsInPeers = true;

    private ScenarioValidator(Scenario scenario) => _scenario = scenario;

    /// <summary>Every problem with the scenario, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<ScenarioProblem> Check(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var validator = new ScenarioValidator(scenario);
        validator.CheckScenario();
        return validator._problems;
    }

    /// <summary>
    /// The problems of faults given one by one to a world of these participants, with no timeline around them: each
    /// fault's fields and the names it gives, at <c>$.timeline[i]</c>.
    /// </summary>
    internal static IReadOnlyList<ScenarioProblem> CheckFaults(IEnumerable<string> participants, IReadOnlyList<FaultSpec> faults)
    {
        var validator = new ScenarioValidator(new Scenario
        {
            Name = "faults",
            DurationMs = ScenarioLimits.MaxDurationMs,
            Peers = [.. participants.Select(name => new PeerSpec { Name = name, Channel = "call" })],
        })
        {
            _channelsInPeers = false,
        };
        validator.CheckPeers();
        validator._problems.Clear();
        for (var i = 0; i < faults.Count; i++)
        {
            validator.CheckFault($"$.timeline[{i}]", faults[i]);
        }

        return validator._problems;
    }

    private void CheckScenario()
    {
        NotBlank("$.name", _scenario.Name, "name");
        Positive("$.durationMs", _scenario.DurationMs, "durationMs", ScenarioLimits.MaxDurationMs);
        Positive("$.recoveryBoundMs", _scenario.RecoveryBoundMs, "recoveryBoundMs", ScenarioLimits.MaxDurationMs);
        CheckNetwork();
        Positive("$.server.silenceGraceMs", _scenario.Server.SilenceGraceMs, "silenceGraceMs", ScenarioLimits.MaxGraceMs);
        if (_scenario.Server.TokenLifetimeMs is { } lifetime)
        {
            Positive("$.server.tokenLifetimeMs", lifetime, "tokenLifetimeMs", ScenarioLimits.MaxDurationMs);
        }
        CheckPeers();
        CheckTimeline();
        CheckExpectations();
    }

    private void CheckNetwork()
    {
        var network = _scenario.Network;
        NotNegative("$.network.latencyMs", network.LatencyMs, "latencyMs", ScenarioLimits.MaxLatencyMs);
        NotNegative("$.network.jitterMs", network.JitterMs, "jitterMs", ScenarioLimits.MaxLatencyMs);
        LossInRange("$.network.loss", network.Loss);
    }

    private void CheckPeers()
    {
        Require("$.peers", _scenario.Peers.Count > 0, "a scenario needs at least one peer.");
        Require("$.peers", _scenario.Peers.Count <= ScenarioLimits.MaxPeers,
            $"{_scenario.Peers.Count} peers is above the limit of {ScenarioLimits.MaxPeers} peers.");
        var firstIndexByName = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _scenario.Peers.Count; i++)
        {
            var path = $"$.peers[{i}]";
            var peer = _scenario.Peers[i];
            if (peer is null)
            {
                Add(path, "a peer must not be null.");
                continue;
            }

            if (NotBlank($"{path}.name", peer.Name, "name")
                && Require($"{path}.name", !string.Equals(peer.Name, ServerName, StringComparison.Ordinal), $"the peer name \"{ServerName}\" is reserved for the simulated server."))
            {
                if (firstIndexByName.TryGetValue(peer.Name, out var first))
                {
                    Add($"{path}.name", $"duplicate peer name \"{peer.Name}\" (already used by $.peers[{first}]).");
                }
                else
                {
                    firstIndexByName.Add(peer.Name, i);
                    _peerNames.Add(peer.Name);
                }
            }

            NotBlank($"{path}.channel", peer.Channel, "channel");
            if (peer.JoinAtMs is { } joinAt)
            {
                NotNegative($"{path}.joinAtMs", joinAt, "joinAtMs");
                Require($"{path}.joinAtMs", joinAt < _scenario.DurationMs, $"joinAtMs ({joinAt}) must be before durationMs ({_scenario.DurationMs}).");
            }

            CheckStreams(path, peer);
            CheckDataChannels(path, peer);
            CheckOptions(path, peer);
        }

        for (var i = 0; i < _scenario.Peers.Count; i++)
        {
            if (_scenario.Peers[i] is { JoinAtMs: null } late
                && !_scenario.Timeline.Any(f => f is { Kind: FaultKind.PeerJoin } && string.Equals(f.Peer, late.Name, StringComparison.Ordinal)))
            {
                Add($"$.peers[{i}].joinAtMs", $"peer \"{late.Name}\" has joinAtMs null but no peer-join fault, so it never joins.");
            }
        }
    }

    private void CheckStreams(string peerPath, PeerSpec peer) =>
        CheckUnique($"{peerPath}.streams", peer.Name, peer.Streams, "stream", "id", stream => stream.Id);

    private void CheckDataChannels(string peerPath, PeerSpec peer) =>
        CheckUnique($"{peerPath}.dataChannels", peer.Name, peer.DataChannels, "data channel", "label", channel => channel.Label);

    /// <summary>A peer's list of streams or data channels: within the limit, no null entry, each key given and unique.</summary>
    private void CheckUnique<T>(string listPath, string peerName, IReadOnlyList<T> items, string what, string key, Func<T, string> keyOf)
        where T : class
    {
        var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        Require(listPath, items.Count <= ScenarioLimits.MaxStreamsPerPeer,
            $"{items.Count} {what}s is above the limit of {ScenarioLimits.MaxStreamsPerPeer} {what}s per peer.");
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{listPath}[{i}]";
            var item = items[i];
            if (item is null)
            {
                Add(path, $"a {what} must not be null.");
            }
            else if (NotBlank($"{path}.{key}", keyOf(item), key) && !seen.TryAdd(keyOf(item), i))
            {
                Add($"{path}.{key}", $"duplicate {what} {key} \"{keyOf(item)}\" in peer \"{peerName}\" (already used by {listPath}[{seen[keyOf(item)]}]).");
            }
        }
    }

    private void CheckOptions(string peerPath, PeerSpec peer)
    {
        var ladder = new ReconnectOptions().IceRestart.Delays.Count;
        if (peer.Options.IceRestartAttempts is { } attempts && (attempts < 1 || attempts > ladder))
        {
            Add($"{peerPath}.options.iceRestartAttempts", $"must be from 1 to {ladder} (the default ladder's length), not {attempts}.");
        }

        var result = new ReconnectOptionsValidator().Validate(null, peer.ToOptions());
        foreach (var failure in result.Failures ?? [])
        {
            Add($"{peerPath}.options", $"the overrides give invalid engine options: {failure}");
        }
    }

    private void CheckTimeline()
    {
        Require("$.timeline", _scenario.Timeline.Count <= ScenarioLimits.MaxFaults,
            $"{_scenario.Timeline.Count} faults is above the limit of {ScenarioLimits.MaxFaults} faults.");
        for (var i = 0; i < _scenario.Timeline.Count; i++)
        {
            var path = $"$.timeline[{i}]";
            var fault = _scenario.Timeline[i];
            if (fault is null)
            {
                Add(path, "a fault must not be null.");
                continue;
            }

            CheckFault(path, fault);
        }

        CheckStreamChanges();
    }

    private void CheckFault(string path, FaultSpec fault)
    {
        var kind = fault.Kind.ToJsonName();
        NotNegative($"{path}.atMs", fault.AtMs, "atMs");
        Require($"{path}.atMs", fault.AtMs < _scenario.DurationMs,
            $"{kind} at {fault.AtMs} ms is not before durationMs ({_scenario.DurationMs}), so it would never happen.");

        var shape = FaultShape.Of(fault.Kind);
        foreach (var (field, name, isSet) in FaultShape.Fields)
        {
            var set = isSet(fault);
            if (!set && shape.Required.HasFlag(field))
            {
                Add($"{path}.{name}", $"{kind} needs {name}.");
            }
            else if (set && !shape.Required.HasFlag(field) && !shape.Optional.HasFlag(field))
            {
                Add($"{path}.{name}", $"{kind} does not use {name}.");
            }
        }

        KnownPeer($"{path}.peer", fault.Peer);
        if (fault.Kind is FaultKind.OneWayPartition or FaultKind.OneWayLoss)
        {
            KnownPeerOrServer($"{path}.other", fault.Other);
        }
        else
        {
            KnownPeer($"{path}.other", fault.Other);
        }

        Require($"{path}.other", fault.Other is null || !string.Equals(fault.Other, fault.Peer, StringComparison.Ordinal),
            $"{kind} needs two different peers, but peer and other are both \"{fault.Other}\".");
        if (fault.Kind == FaultKind.TokenHang)
        {
            Require($"{path}.count", fault.Count is not null || fault.DurationMs is not null, $"{kind} needs count or durationMs.");
            Require($"{path}.durationMs", fault.Count is null || fault.DurationMs is null, $"{kind} takes count or durationMs, not both.");
        }

        if (fault.DurationMs is { } duration)
        {
            Positive($"{path}.durationMs", duration, "durationMs", ScenarioLimits.MaxDurationMs);
        }

        if (fault.Code is { } code)
        {
            Require($"{path}.code", code == CloseCodes.Normal || code is >= 3000 and <= 4999,
                $"code must be 1000 or in [3000, 4999], the codes a server may close with (was {code}).");
        }

        if (fault.Count is { } count)
        {
            Require($"{path}.count", count is >= 1 and <= ScenarioLimits.MaxCount,
                $"count must be at least 1 and at most {ScenarioLimits.MaxCount} (was {count}).");
        }

        if (fault.RetryAfterMs is { } retryAfter)
        {
            NotNegative($"{path}.retryAfterMs", retryAfter, "retryAfterMs", ScenarioLimits.MaxGraceMs);
        }

        if (fault.LatencyMs is { } latency)
        {
            NotNegative($"{path}.latencyMs", latency, "latencyMs", ScenarioLimits.MaxLatencyMs);
        }

        if (fault.JitterMs is { } jitter)
        {
            NotNegative($"{path}.jitterMs", jitter, "jitterMs", ScenarioLimits.MaxLatencyMs);
        }

        if (fault.Loss is { } loss)
        {
            LossInRange($"{path}.loss", loss);
        }

        if (fault.OffsetMs is { } offset)
        {
            Require($"{path}.offsetMs", offset != 0, "offsetMs must not be zero: a wall-clock jump moves the clock.");
        }

        if (fault.Stream is not null)
        {
            NotBlank($"{path}.stream", fault.Stream, "stream");
        }

        if (fault.Track is not null)
        {
            NotBlank($"{path}.track", fault.Track, "track");
        }

        if (fault.Label is not null && NotBlank($"{path}.label", fault.Label, "label"))
        {
            var sender = _scenario.Peers.FirstOrDefault(p => p is not null && string.Equals(p.Name, fault.Peer, StringComparison.Ordinal));
            Require($"{path}.label", sender is null || !_channelsInPeers || sender.DataChannels.Any(c => c is not null && string.Equals(c.Label, fault.Label, StringComparison.Ordinal)),
                $"peer \"{fault.Peer}\" declares no data channel \"{fault.Label}\".");
        }
    }

    /// <summary>
    /// Plays each peer's stream changes in timeline order (by <c>atMs</c>, ties in list order), starting from its
    /// declared streams: a publish needs a stream not published yet, an unpublish or a track replacement one that is.
    /// </summary>
    private void CheckStreamChanges()
    {
        var published = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var peer in _scenario.Peers.Where(p => p?.Name is not null))
        {
            published.TryAdd(peer.Name, new SortedSet<string>(peer.Streams.Where(s => s?.Id is not null).Select(s => s.Id), StringComparer.Ordinal));
        }

        var changes = _scenario.Timeline
            .Select((fault, index) => (Fault: fault, Index: index))
            .Where(x => x.Fault is { Kind: FaultKind.Publish or FaultKind.Unpublish or FaultKind.ReplaceTrack, Peer: not null, Stream: not null })
            .OrderBy(x => x.Fault.AtMs)
            .ThenBy(x => x.Index);
        foreach (var (fault, index) in changes)
        {
            if (!published.TryGetValue(fault.Peer!, out var streams))
            {
                continue;
            }

            var stream = fault.Stream!;
            var at = string.Create(CultureInfo.InvariantCulture, $"at {fault.AtMs} ms");
            var path = $"$.timeline[{index}].stream";
            if (fault.Kind == FaultKind.Publish)
            {
                Require(path, streams.Add(stream), $"publish of \"{stream}\" {at}, but {fault.Peer} already publishes it.");
            }
            else if (fault.Kind == FaultKind.Unpublish)
            {
                Require(path, streams.Remove(stream), $"unpublish of \"{stream}\" {at}, but {fault.Peer} does not publish it then.");
            }
            else
            {
                Require(path, streams.Contains(stream), $"replace-track of \"{stream}\" {at}, but {fault.Peer} does not publish it then.");
            }
        }
    }

    private void CheckExpectations()
    {
        if (_scenario.Expect is not { } expect)
        {
            return;
        }

        if (expect.MinPeerLeft is { } min)
        {
            NotNegative("$.expect.minPeerLeft", min, "minPeerLeft");
        }

        if (expect.MaxPeerLeft is { } max)
        {
            NotNegative("$.expect.maxPeerLeft", max, "maxPeerLeft");
            Require("$.expect.maxPeerLeft", expect.MinPeerLeft is not { } least || least <= max,
                $"maxPeerLeft ({max}) is less than minPeerLeft ({expect.MinPeerLeft}).");
        }

        CheckPeerCounts("$.expect.peerJoined", expect.PeerJoined, reasons: false);
        CheckPeerCounts("$.expect.peerLeft", expect.PeerLeft, reasons: true);
        CheckNames("$.expect.errors", expect.Errors, name => ErrorKinds.All.Contains(name, StringComparer.Ordinal),
            name => $"unknown error kind \"{name}\"; known kinds: {string.Join(", ", ErrorKinds.All)}.");
        CheckNames("$.expect.closedPeers", expect.ClosedPeers, _peerNames.Contains, name => $"unknown peer \"{name}\".");
        CheckNames("$.expect.evictedPeers", expect.EvictedPeers, _peerNames.Contains, name => $"unknown peer \"{name}\".");
        Require("$.expect.errors", expect.EvictedPeers.Count == 0 || expect.Errors.Contains(nameof(EvictedError), StringComparer.Ordinal),
            "evictedPeers is not empty, so errors must list EvictedError.");
        if (expect.TerminalErrorCode is { } terminal)
        {
            var close = CloseCodePolicy.Classify(terminal);
            var terminalCodes = string.Join(", ", Enumerable.Range(1000, 4000).Where(CanEndTerminally));
            Require("$.expect.terminalErrorCode", CanEndTerminally(terminal),
                $"{terminal} ({close.Name}) is not a terminal close code, so no TerminalCloseError can carry it; terminal codes: {terminalCodes}.");
            Require("$.expect.errors", expect.Errors.Contains(nameof(TerminalCloseError), StringComparer.Ordinal),
                "terminalErrorCode is set, so errors must list TerminalCloseError.");
        }
    }

    /// <summary>A code a <c>TerminalCloseError</c> can carry: a terminal code, or 4002 once fresh tokens keep being refused as expired.</summary>
    private static bool CanEndTerminally(int code) => CloseCodePolicy.Classify(code).IsTerminal || code == CloseCodes.TokenExpired;

    private void CheckPeerCounts(string path, IReadOnlyDictionary<string, PeerCount> counts, bool reasons)
    {
        foreach (var (observer, count) in counts.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var at = $"{path}.{observer}";
            KnownPeer(at, observer);
            if (count is null)
            {
                Add(at, "a peer count must not be null.");
                continue;
            }

            Require(at, count.Exactly is not null || count.Min is not null || count.Max is not null, "a peer count needs exactly, min or max.");
            Require(at, count.Exactly is null || (count.Min is null && count.Max is null), "a peer count takes exactly, or min and max, not both.");
            foreach (var (value, name) in new[] { (count.Exactly, "exactly"), (count.Min, "min"), (count.Max, "max") })
            {
                if (value is { } n)
                {
                    NotNegative($"{at}.{name}", n, name);
                }
            }

            Require($"{at}.max", count is not { Min: { } least, Max: { } most } || least <= most,
                $"max ({count.Max}) is less than min ({count.Min}).");
            KnownPeer($"{at}.remote", count.Remote);
            Require($"{at}.remote", count.Remote is null || !string.Equals(count.Remote, observer, StringComparison.Ordinal),
                $"a peer never sees itself join or leave, but remote is the observer \"{observer}\".");
            if (count.Reason is not null)
            {
                Require($"{at}.reason", reasons, "peer-joined has no reason; only peerLeft counts take one.");
                NotBlank($"{at}.reason", count.Reason, "reason");
            }
        }
    }

    private void CheckNames(string path, IReadOnlyList<string> names, Func<string, bool> isKnown, Func<string, string> unknown)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i];
            if (name is null)
            {
                Add($"{path}[{i}]", "a name must not be null.");
            }
            else if (!isKnown(name))
            {
                Add($"{path}[{i}]", unknown(name));
            }
            else if (!seen.Add(name))
            {
                Add($"{path}[{i}]", $"\"{name}\" is listed twice.");
            }
        }
    }

    private void KnownPeerOrServer(string path, string? name)
    {
        if (!string.Equals(name, ServerName, StringComparison.Ordinal))
        {
            KnownPeer(path, name);
        }
    }

    private void KnownPeer(string path, string? name)
    {
        if (name is not null && !_peerNames.Contains(name))
        {
            Add(path, $"unknown peer \"{name}\"; the peers are {(_peerNames.Count == 0 ? "none" : string.Join(", ", _peerNames))}.");
        }
    }

    private bool NotBlank(string path, string? value, string field) =>
        Require(path, !string.IsNullOrWhiteSpace(value), $"{field} must not be empty.");

    private void NotNegative(string path, int value, string field, int limit = int.MaxValue)
    {
        if (Require(path, value >= 0, $"{field} must not be negative (was {value})."))
        {
            AtMost(path, value, field, limit);
        }
    }

    private void Positive(string path, int value, string field, int limit)
    {
        if (Require(path, value > 0, $"{field} must be positive (was {value})."))
        {
            AtMost(path, value, field, limit);
        }
    }

    private void AtMost(string path, int value, string field, int limit) =>
        Require(path, value <= limit, $"{field} ({value}) is above the limit of {limit} ms ({Words(limit)}).");

    private static string Words(int ms) => ms % 3_600_000 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000} h")
        : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000} s");

    private void LossInRange(string path, double loss) =>
        Require(path, loss is >= 0.0 and < 1.0, $"loss must be in [0, 1) (was {loss.ToString(System.Globalization.CultureInfo.InvariantCulture)}).");

    private bool Require(string path, bool ok, string message)
    {
        if (!ok)
        {
            Add(path, message);
        }

        return ok;
    }

    private void Add(string path, string message) => _problems.Add(new ScenarioProblem(path, message));
}
