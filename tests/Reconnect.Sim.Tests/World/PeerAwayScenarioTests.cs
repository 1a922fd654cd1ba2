using Reconnect.Testing.Scenarios;
using Reconnect.Testing.Trace;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

/// <summary>The other side knows: a peer whose signalling drops while its media flows is shown reconnecting at once by the others, and back without a media rebuild.</summary>
public sealed class PeerAwayScenarioTests
{
    [Fact]
    public void A_signalling_drop_shows_the_peer_reconnecting_to_the_other_side_at_once_and_back_without_a_media_rebuild()
    {
        var result = new SimWorld(ScenarioLibrary.Resolve("peer-away")).Run();
        var seed = $"SEED=0x{result.Seed:x}";

        Assert.True(result.Passed(true), $"{seed}: {string.Join("\n", result.Violations.Concat(result.Misses))}");
        var b = result.Trace.Events.Where(e => e.Peer == "B").ToList();
        var away = b.FirstOrDefault(e => e.Event == TraceEventKind.PeerAway && e.Remote == "A");
        Assert.True(away is not null, $"{seed}: B was never told A is away");
        Assert.Equal("heartbeat-missed", away.Reason);
        Assert.InRange(away.T, 10_000, 30_000);
        var reconnecting = b.First(e => e.Event == TraceEventKind.RemoteStateChange && e.Remote == "A" && e.T >= away.T);
        Assert.True(reconnecting.T == away.T, $"{seed}: B showed A reconnecting at {reconnecting.T}, not with the peer-away at {away.T}");
        var back = b.FirstOrDefault(e => e.Event == TraceEventKind.PeerBack && e.Remote == "A");
        Assert.True(back is not null && back.T > away.T, $"{seed}: B was never told A is back");
        Assert.True(
            b.Count(e => e.Event == TraceEventKind.ConnectionBuilt) == 1,
            $"{seed}: B rebuilt its media connection to A");
        Assert.DoesNotContain(b, e => e.Event == TraceEventKind.IceRestart);
    }
}
