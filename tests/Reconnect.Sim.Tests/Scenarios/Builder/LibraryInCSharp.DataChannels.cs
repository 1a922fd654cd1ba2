using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

/// <summary>The library scenarios of data channels the library reopens by itself.</summary>
internal static partial class LibraryInCSharp
{
    private static Scenario DataChannelReopen() =>
        ScenarioBuilder.Create("data-channel-reopen")
            .Describe("A and B declare a chat data channel and send on it before, during and after two outages: the A-B media path drops for 10 s at t=10 s (signalling stays up), and A goes offline for 20 s at t=30 s. Sends while the channel is not open on the live connection wait in the engine's queue; each connection the library builds opens the channel again by itself, the queue is flushed in order, and every message arrives once, in order, after the heal. What is in flight on a connection that is replaced may be lost, as in WebRTC; nothing is failed, nobody sees a peer leave and no error is raised.")
            .Peer("A", p => p.Publishes("camA").DataChannel("chat"))
            .Peer("B", p => p.Publishes("camB").DataChannel("chat"))
            .At(TimeSpan.FromSeconds(5))
            .DataSend("A", "B", "chat", count: 3)
            .DataSend("B", "A", "chat", count: 2)
            .At(TimeSpan.FromSeconds(10))
            .MediaDrop("A", TimeSpan.FromSeconds(10), other: "B")
            .At(TimeSpan.FromSeconds(15))
            .DataSend("A", "B", "chat", count: 4)
            .At(TimeSpan.FromSeconds(25))
            .DataSend("A", "B", "chat", count: 2)
            .At(TimeSpan.FromSeconds(30))
            .Offline("A", TimeSpan.FromSeconds(20))
            .At(TimeSpan.FromSeconds(35))
            .DataSend("A", "B", "chat", count: 3)
            .DataSend("B", "A", "chat", count: 3)
            .At(TimeSpan.FromSeconds(55))
            .DataSend("A", "B", "chat", count: 2)
            .Expect(e => e.NoPeerLeft())
            .Build();
}
