using Reconnect.Core.Options;

namespace Reconnect.Sim.Scenarios;

/// <summary>Checks a parsed scenario against every rule the JSON shape cannot express and collects every problem.</summary>
internal sealed class ScenarioValidator
{
    private readonly List<ScenarioProblem> _problems = [];
    private readonly Scenario _scenario;
    private readonly SortedSet<string> _peerNames = new(StringComparer.Ordinal);

    private ScenarioValidator(Scenario scenario) => _scenario = scenario;

    /// <summary>Every problem with the scenario, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<ScenarioProblem> Check(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var validator = new ScenarioValidator(scenario);
        validator.CheckScenario();
        return validator._problems;
    }

    private void CheckScenario()
    {
        NotBlank("$.name", _scenario.Name, "name");
        Require("$.durationMs", _scenario.DurationMs > 0, $"durationMs must be positive (was {_scenario.DurationMs}).");
        Require("$.recoveryBoundMs", _scenario.RecoveryBoundMs > 0, $"recoveryBoundMs must be positive (was {_scenario.RecoveryBoundMs}).");
        CheckNetwork();
        Require("$.server.silenceGraceMs", _scenario.Server.SilenceGraceMs > 0, $"silenceGraceMs must be positive (was {_scenario.Server.SilenceGraceMs}).");
        CheckPeers();
        CheckTimeline();
        CheckExpectations();
    }

    private void CheckNetwork()
    {
        var network = _scenario.Network;
        NotNegative("$.network.latencyMs", network.LatencyMs, "latencyMs");
        NotNegative("$.network.jitterMs", network.JitterMs, "jitterMs");
        LossInRange("$.network.loss", network.Loss);
    }

    private void CheckPeers()
    {
        Require("$.peers", _scenario.Peers.Count > 0, "a scenario needs at least one peer.");
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

            if (NotBlank($"{path}.name", peer.Name, "name"))
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

    private void CheckStreams(string peerPath, PeerSpec peer)
    {
        var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var s = 0; s < peer.Streams.Count; s++)
        {
            var path = $"{peerPath}.streams[{s}]";
            var stream = peer.Streams[s];
            if (stream is null)
            {
                Add(path, "a stream must not be null.");
            }
            else if (NotBlank($"{path}.id", stream.Id, "id") && !seen.TryAdd(stream.Id, s))
            {
                Add($"{path}.id", $"duplicate stream id \"{stream.Id}\" in peer \"{peer.Name}\" (already used by {peerPath}.streams[{seen[stream.Id]}]).");
            }
        }
    }

    private void CheckOptions(string peerPath, PeerSpec peer)
    {
        var result = new ReconnectOptionsValidator().Validate(null, peer.Options.ToOptions());
        foreach (var failure in result.Failures ?? [])
        {
            Add($"{peerPath}.options", $"the overrides give invalid engine options: {failure}");
        }
    }

    private void CheckTimeline()
    {
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
        KnownPeer($"{path}.other", fault.Other);
        Require($"{path}.other", fault.Other is null || !string.Equals(fault.Other, fault.Peer, StringComparison.Ordinal),
            $"{kind} needs two different peers, but peer and other are both \"{fault.Other}\".");
        if (fault.DurationMs is { } duration)
        {
            Require($"{path}.durationMs", duration > 0, $"durationMs must be positive (was {duration}).");
        }

        if (fault.Code is { } code)
        {
            Require($"{path}.code", code is >= 1000 and <= 4999, $"code must be a close code in [1000, 4999] (was {code}).");
        }

        if (fault.Count is { } count)
        {
            Require($"{path}.count", count >= 1, $"count must be at least 1 (was {count}).");
        }

        if (fault.RetryAfterMs is { } retryAfter)
        {
            NotNegative($"{path}.retryAfterMs", retryAfter, "retryAfterMs");
        }

        if (fault.LatencyMs is { } latency)
        {
            NotNegative($"{path}.latencyMs", latency, "latencyMs");
        }

        if (fault.JitterMs is { } jitter)
        {
            NotNegative($"{path}.jitterMs", jitter, "jitterMs");
        }

        if (fault.Loss is { } loss)
        {
            LossInRange($"{path}.loss", loss);
        }

        if (fault.OffsetMs is { } offset)
        {
            Require($"{path}.offsetMs", offset != 0, "offsetMs must not be zero: a wall-clock jump moves the clock.");
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

        CheckNames("$.expect.errors", expect.Errors, name => ErrorKinds.All.Contains(name, StringComparer.Ordinal),
            name => $"unknown error kind \"{name}\"; known kinds: {string.Join(", ", ErrorKinds.All)}.");
        CheckNames("$.expect.closedPeers", expect.ClosedPeers, _peerNames.Contains, name => $"unknown peer \"{name}\".");
        CheckNames("$.expect.evictedPeers", expect.EvictedPeers, _peerNames.Contains, name => $"unknown peer \"{name}\".");
        Require("$.expect.errors", expect.EvictedPeers.Count == 0 || expect.Errors.Contains(nameof(Core.Engine.EvictedError), StringComparer.Ordinal),
            "evictedPeers is not empty, so errors must list EvictedError.");
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

    private void KnownPeer(string path, string? name)
    {
        if (name is not null && !_peerNames.Contains(name))
        {
            Add(path, $"unknown peer \"{name}\"; the peers are {(_peerNames.Count == 0 ? "none" : string.Join(", ", _peerNames))}.");
        }
    }

    private bool NotBlank(string path, string? value, string field) =>
        Require(path, !string.IsNullOrWhiteSpace(value), $"{field} must not be empty.");

    private void NotNegative(string path, int value, string field) =>
        Require(path, value >= 0, $"{field} must not be negative (was {value}).");

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
