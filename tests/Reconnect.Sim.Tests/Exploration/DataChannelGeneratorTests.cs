using FsCheck;
using FsCheck.Fluent;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Exploration;

/// <summary>The explorer draws data channels: data-send faults between peers, and the queue's capacity and fail-fast mode.</summary>
public sealed class DataChannelGeneratorTests
{
    [Fact]
    public void Schedules_send_data_from_one_peer_to_another_on_the_declared_channel()
    {
        var faults = FaultScheduleGen.Of(FaultKind.DataSend, ExplorationCase.PeerNames(3)).Sample(300, new Rnd(1), 30);

        Assert.Contains(FaultScheduleGen.Schedule(3, 4).Sample(300, new Rnd(2), 30).SelectMany(s => s), f => f.Kind == FaultKind.DataSend);
        Assert.All(faults, f => Assert.NotEqual(f.Peer, f.Other));
        Assert.All(faults, f => Assert.Equal(FaultScheduleGen.DataChannel, f.Label));
        Assert.All(faults, f => Assert.InRange(f.Count!.Value, 1, 40));
        Assert.All(faults, f => Assert.InRange(f.AtMs, 0, ExplorationCase.SafetyPhaseMs - 1));
    }

    [Fact]
    public void A_case_with_a_data_send_declares_the_channel_on_every_peer_and_a_case_without_declares_none()
    {
        var send = new FaultSpec { AtMs = 1_000, Kind = FaultKind.DataSend, Peer = "A", Other = "B", Label = FaultScheduleGen.DataChannel, Count = 3 };
        var sending = new ExplorationCase(3, [PeerSetup.Baseline, PeerSetup.Baseline], [send]).ToScenario();
        var silent = new ExplorationCase(3, [PeerSetup.Baseline, PeerSetup.Baseline], []).ToScenario();

        Assert.Empty(ScenarioLoader.Validate(sending));
        Assert.All(sending.Peers, p => Assert.Equal(FaultScheduleGen.DataChannel, Assert.Single(p.DataChannels).Label));
        Assert.All(silent.Peers, p => Assert.Empty(p.DataChannels));
    }

    [Fact]
    public void Setups_move_the_data_queue_capacity_and_fail_fast_mode_within_their_valid_ranges_and_shrink_them_back()
    {
        var options = OptionsGen.Options.Sample(400, new Rnd(3), 30);

        Assert.Contains(options, o => o.DataQueueCapacity is null);
        Assert.Contains(options, o => o.DataFailFast == true);
        Assert.All(options.Where(o => o.DataQueueCapacity is not null), o => Assert.InRange(o.DataQueueCapacity!.Value, 1, 16));
        Assert.All(options, o => Assert.True(new ReconnectOptionsValidator().Validate(null, o.ToOptions()).Succeeded));

        var setup = new PeerSetup(true, new PeerOptionsSpec { RetryFirstConnect = true, DataQueueCapacity = 2, DataFailFast = true });
        var shrunk = OptionsGen.Shrink(setup).Select(s => s.Options).ToList();

        Assert.Contains(shrunk, o => o is { DataQueueCapacity: null, DataFailFast: true });
        Assert.Contains(shrunk, o => o is { DataQueueCapacity: 2, DataFailFast: null });
    }

    [Fact]
    public void A_data_send_on_a_channel_its_peer_does_not_declare_is_invalid()
    {
        var scenario = ScenarioBuilder.Create("undeclared")
            .Peer("A", p => p.DataChannel("chat"))
            .Peer("B")
            .At(TimeSpan.FromSeconds(1))
            .DataSend("B", "A", "chat");

        var problems = Assert.Throws<ScenarioException>(() => scenario.Build());

        Assert.Contains("declares no data channel \"chat\"", problems.Message, StringComparison.Ordinal);
    }
}
