using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios;

/// <summary>Small valid scenarios that tests change one thing at a time.</summary>
internal static class ScenarioSamples
{
    public static Scenario TwoPeers { get; } = new()
    {
        Name = "two-peers",
        Description = "A and B; A goes offline once.",
        DurationMs = 30_000,
        Peers =
        [
            new PeerSpec { Name = "A", Channel = "room-42", Streams = [new StreamSpec { Id = "camA" }] },
            new PeerSpec { Name = "B", Channel = "room-42", Streams = [new StreamSpec { Id = "camB" }] },
        ],
        Timeline = [new FaultSpec { AtMs = 10_000, Kind = FaultKind.Offline, Peer = "A", DurationMs = 5_000 }],
    };

    public static Scenario WithFault(FaultSpec fault) => TwoPeers with { Timeline = [fault] };

    public static Scenario WithPeer(int index, Func<PeerSpec, PeerSpec> change)
    {
        var peers = TwoPeers.Peers.ToList();
        peers[index] = change(peers[index]);
        return TwoPeers with { Peers = peers };
    }
}
