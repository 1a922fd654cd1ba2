using Reconnect.Core.Time;
using Reconnect.Testing.Network;
using Reconnect.Testing.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Sim.Tests.Network;

public sealed class SimNetworkOrderTests
{
    [Fact]
    public void Signalling_frames_between_two_hosts_arrive_in_the_order_sent_whatever_the_same_instant_choices()
    {
        for (var seed = 1UL; seed <= 50; seed++)
        {
            var time = new VirtualTimeProvider(new SeededChooser(seed));
            var network = new SimNetwork(time, DeterministicRandom.FromSeed(seed));
            network.AddHost("a", 10, 5, 0);
            network.AddHost("b", 10, 5, 0);
            var arrived = new List<int>();

            for (var i = 0; i < 20; i++)
            {
                var frame = i;
                network.Send("a", "b", TrafficPlane.Signalling, () => arrived.Add(frame));
            }

            time.RunUntilIdle();
            Assert.True(Enumerable.Range(0, 20).SequenceEqual(arrived), $"SEED=0x{seed:x}: arrived {string.Join(",", arrived)}");
        }
    }
}
