using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Time;
using Reconnect.Testing.Network;
using Reconnect.Testing.Time;
using Reconnect.Transports.InMemory;

namespace Reconnect.Sim.Tests.Network;

public sealed class SimNetworkTests
{
    private static (VirtualTimeProvider Time, SimNetwork Network) TwoHosts(double loss = 0, int latencyMs = 40, ulong seed = 1)
    {
        var time = new VirtualTimeProvider();
        var network = new SimNetwork(time, DeterministicRandom.FromSeed(seed));
        network.AddHost("server", 5, 0, 0);
        network.AddHost("A", latencyMs, 0, loss);
        network.AddHost("B", latencyMs, 0, loss);
        return (time, network);
    }

    [Fact]
    public void An_outage_inside_an_outage_keeps_the_host_offline_until_the_outer_one_ends()
    {
        var (_, network) = TwoHosts();
        var wentOffline = 0;
        network.HostWentOffline += (_, _) => wentOffline++;

        Assert.True(network.BeginOutage("A"));
        Assert.False(network.BeginOutage("A"));
        Assert.False(network.EndOutage("A"));
        Assert.False(network.IsOnline("A"));
        Assert.True(network.EndOutage("A"));
        Assert.True(network.IsOnline("A"));
        Assert.Equal(1, wentOffline);
    }

    [Fact]
    public void Ending_an_outage_that_never_began_is_a_bug_and_throws()
    {
        var (_, network) = TwoHosts();

        Assert.Throws<InvalidOperationException>(() => network.EndOutage("A"));
        Assert.Throws<InvalidOperationException>(() => network.Mend("A", "B"));
        Assert.Throws<InvalidOperationException>(() => network.RemoveLoss(new DirectedLoss("A", null, null, 0.5)));
    }

    [Fact]
    public void A_one_way_cut_drops_media_one_way_only()
    {
        var (time, network) = TwoHosts();
        var arrived = new List<string>();
        network.Cut("A", "B");

        network.Send("A", "B", TrafficPlane.Media, () => arrived.Add("A->B"));
        network.Send("B", "A", TrafficPlane.Media, () => arrived.Add("B->A"));
        time.RunUntilIdle();

        Assert.Equal(["B->A"], arrived);
    }

    [Fact]
    public void A_cut_inside_a_cut_keeps_the_path_cut_until_the_outer_one_is_mended()
    {
        var (_, network) = TwoHosts();
        network.Cut("A", "B");
        network.Cut("A", "B");

        network.Mend("A", "B");
        Assert.True(network.IsCut("A", "B"));
        network.Mend("A", "B");
        Assert.False(network.IsCut("A", "B"));
    }

    [Fact]
    public void Signalling_sent_into_a_blackhole_is_held_and_arrives_in_order_once_it_ends()
    {
        var (time, network) = TwoHosts();
        var arrived = new List<int>();
        network.Host("A").Signalling.BeginBlackhole();
        for (var i = 0; i < 5; i++)
        {
            var n = i;
            Assert.True(network.SendOnSocket("A", "server", 1, () => arrived.Add(n)));
        }

        time.RunFor(TimeSpan.FromSeconds(10));
        Assert.Empty(arrived);
        network.Host("A").Signalling.EndBlackhole();
        time.RunFor(TimeSpan.FromSeconds(30));

        Assert.Equal([0, 1, 2, 3, 4], arrived);
    }

    [Fact]
    public void Media_sent_into_a_blackhole_is_gone()
    {
        var (time, network) = TwoHosts();
        var arrived = 0;
        network.Host("A").Media.BeginBlackhole();

        network.Send("A", "B", TrafficPlane.Media, () => arrived++);
        network.Host("A").Media.EndBlackhole();
        time.RunUntilIdle();

        Assert.Equal(0, arrived);
    }

    [Fact]
    public void A_held_socket_does_not_hold_back_another_socket_of_the_same_hosts()
    {
        var (time, network) = TwoHosts();
        var arrived = new List<string>();
        network.Cut("A", "server");
        network.SendOnSocket("A", "server", 1, () => arrived.Add("old socket"));
        time.RunFor(TimeSpan.FromSeconds(5));
        network.Mend("A", "server");

        network.SendOnSocket("A", "server", 2, () => arrived.Add("new socket"));
        time.RunFor(TimeSpan.FromMilliseconds(100));

        Assert.Equal(["new socket"], arrived);
        time.RunFor(TimeSpan.FromSeconds(30));
        Assert.Equal(["new socket", "old socket"], arrived);
    }

    [Fact]
    public void Signalling_to_a_host_that_went_offline_is_lost_with_its_socket()
    {
        var (time, network) = TwoHosts();
        var arrived = 0;
        network.SendOnSocket("server", "A", 1, () => arrived++);
        network.BeginOutage("A");
        time.RunFor(TimeSpan.FromSeconds(1));
        network.EndOutage("A");
        time.RunFor(TimeSpan.FromSeconds(60));

        Assert.Equal(0, arrived);
    }

    [Fact]
    public void Signalling_on_a_reset_route_is_dropped_at_once()
    {
        var (_, network) = TwoHosts();
        network.Host("A").Signalling.Block();

        Assert.False(network.SendOnSocket("A", "server", 1, () => { }));
    }

    [Fact]
    public void Lossy_signalling_delivers_every_frame_in_order_only_later()
    {
        Prop.ForAll(
            Arb.From(Gen.Zip(Gen.Choose(1, 1_000_000), Gen.Choose(1, 90))),
            input =>
            {
                var (seed, percent) = input;
                var (time, network) = TwoHosts(loss: percent / 100.0, seed: (ulong)seed);
                var arrived = new List<(int N, TimeSpan At)>();
                for (var i = 0; i < 30; i++)
                {
                    var n = i;
                    network.SendOnSocket("A", "server", 1, () => arrived.Add((n, time.Elapsed)));
                    time.RunFor(TimeSpan.FromMilliseconds(10));
                }

                time.RunUntilIdle();
                var failure = $"SEED=0x{seed:x} loss {percent} %";
                Assert.True(Enumerable.Range(0, 30).SequenceEqual(arrived.Select(a => a.N)), failure);
                Assert.All(arrived, a => Assert.True(a.At >= TimeSpan.FromMilliseconds((a.N * 10) + 45), failure));
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_lossy_signalling_path_costs_retransmission_time()
    {
        var (time, network) = TwoHosts(loss: 0.5, seed: 7);
        var late = 0;
        for (var i = 0; i < 50; i++)
        {
            var sent = time.Elapsed;
            network.SendOnSocket("A", "server", i, () => late += time.Elapsed - sent > TimeSpan.FromMilliseconds(200) ? 1 : 0);
        }

        time.RunUntilIdle();

        Assert.InRange(late, 10, 50);
    }

    [Fact]
    public void Directed_loss_hits_one_direction_and_one_plane_only()
    {
        var (time, network) = TwoHosts();
        var loss = new DirectedLoss("A", "B", TrafficPlane.Media, 0.99);
        network.AddLoss(loss);
        var (forward, back) = (0, 0);
        for (var i = 0; i < 100; i++)
        {
            network.Send("A", "B", TrafficPlane.Media, () => forward++);
            network.Send("B", "A", TrafficPlane.Media, () => back++);
        }

        time.RunUntilIdle();
        network.RemoveLoss(loss);

        Assert.InRange(forward, 0, 10);
        Assert.Equal(100, back);
        Assert.Empty(network.Losses);
    }

    [Fact]
    public void Heal_ends_every_fault_and_puts_links_back_to_their_first_settings()
    {
        var (_, network) = TwoHosts();
        var a = network.Host("A");
        network.BeginOutage("A");
        a.Signalling.Block();
        a.Media.BeginBlackhole();
        a.Signalling.LatencyMs = 900;
        a.Media.Loss = 0.3;
        network.Cut("A", "B");
        network.AddLoss(new DirectedLoss(null, "A", null, 0.5));

        network.Heal();

        Assert.True(a.Online);
        Assert.False(a.Signalling.Blocked || a.Media.Blackholed || network.IsCut("A", "B"));
        Assert.Equal((40, 0.0), (a.Signalling.LatencyMs, a.Media.Loss));
        Assert.Empty(network.Losses);
    }
}
