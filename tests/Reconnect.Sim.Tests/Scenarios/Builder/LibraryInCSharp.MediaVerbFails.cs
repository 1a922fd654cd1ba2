using Reconnect;
using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Scenarios.Builder;

/// <summary>The library scenario of a media verb that fails and the heal it takes.</summary>
internal static partial class LibraryInCSharp
{
    private static Scenario MediaVerbFailsHeal() =>
        ScenarioBuilder.Create("media-verb-fails-heal")
            .Describe("At t=10 s A's media port starts failing its next two create-offer calls toward B asynchronously (a rejected createOffer promise), and A publishes a screen share, which needs an offer. The first failure raises a MediaError and takes the heal path of a broken connection: the ICE restart ladder restarts ICE and asks for an offer again, the second failure is taken as a failed attempt, and the next attempt's offer goes through: media flows both ways on the same connection with the same RemotePeer objects, B sees A's screen share, the socket never reconnects and nobody sees a peer leave.")
            .Cameras("A", "B")
            .At(TimeSpan.FromSeconds(10))
            .MediaVerbFails("A", MediaOperation.CreateOffer, count: 2, other: "B")
            .Publish("A", "screenA")
            .Expect(e => e.NoPeerLeft().Error<MediaError>())
            .Build();
}
