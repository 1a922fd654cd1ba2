using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Ports;

namespace Reconnect.Core.Tests.Engine;

/// <summary>What happens next in a data-channel run.</summary>
internal enum DataStep
{
    /// <summary>The app sends the next message.</summary>
    Send,

    /// <summary>B's ICE goes disconnected (B reconnects on the same generation).</summary>
    IceDown,

    /// <summary>B's ICE connects again.</summary>
    IceUp,

    /// <summary>B's media broke and a socket reconnect rebuilds its connection as a new generation.</summary>
    Swap,

    /// <summary>The channel opens on the live generation.</summary>
    Open,

    /// <summary>A late open arrives from the generation before the live one.</summary>
    StaleOpen,

    /// <summary>The channel closes on the live generation.</summary>
    Close,
}

/// <summary>A drawn run: sends interleaved with swaps, ICE changes and channel opens and closes, against a drawn queue capacity.</summary>
internal sealed record DataRun(ulong Seed, int Capacity, IReadOnlyList<DataStep> Steps)
{
    public override string ToString() => $"SEED=0x{Seed:x} capacity={Capacity} steps=[{string.Join(", ", Steps)}]";
}

/// <summary>Whatever the order of sends and swaps, every accepted message is handed to the port once, in order, on the live generation.</summary>
public sealed class DataChannelPropertyTests
{
    private static Gen<DataRun> Runs =>
        from seed in Gen.Choose(0, int.MaxValue)
        from capacity in Gen.Elements(1, 3, 1_000)
        from count in Gen.Choose(1, 40)
        from steps in Gen.ListOf(Gen.Frequency(
            (6, Gen.Constant(DataStep.Send)),
            (1, Gen.Constant(DataStep.IceDown)),
            (1, Gen.Constant(DataStep.IceUp)),
            (1, Gen.Constant(DataStep.Swap)),
            (2, Gen.Constant(DataStep.Open)),
            (1, Gen.Constant(DataStep.StaleOpen)),
            (1, Gen.Constant(DataStep.Close))), count)
        select new DataRun((ulong)seed, capacity, [.. steps]);

    [Fact]
    public void No_accepted_message_is_lost_duplicated_or_reordered_and_only_a_full_queue_rejects()
    {
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(60),
            Prop.ForAll(Arb.From(Runs), run =>
            {
                var failure = Replay(run);
                return (failure is null).Label($"{run}\n{failure}");
            }));
    }

    /// <summary>Runs the steps, then heals and opens the channel, and returns what broke the rule, or null.</summary>
    private static string? Replay(DataRun run)
    {
        var options = EngineHarness.LongLivedSocket with
        {
            DataChannels = new() { Channels = [new("chat")], QueueCapacity = run.Capacity },
        };
        var h = new EngineHarness(options, run.Seed).Join("A", "room", EngineHarness.Peer("B"));
        var accepted = new List<long>();
        var sent = new List<long>();
        var next = 0;
        foreach (var step in run.Steps)
        {
            if (Apply(h, step, ref next, accepted, sent) is { } broken)
            {
                return broken;
            }
        }

        if (h.Remote("B").State == RemotePeerState.Closed)
        {
            Apply(h, DataStep.Swap, ref next, accepted, sent);
        }

        Apply(h, DataStep.IceUp, ref next, accepted, sent);
        if (Apply(h, DataStep.Open, ref next, accepted, sent) is { } late)
        {
            return late;
        }

        return accepted.SequenceEqual(sent)
            ? null
            : $"accepted [{string.Join(", ", accepted)}] but sent [{string.Join(", ", sent)}]";
    }

    private static string? Apply(EngineHarness h, DataStep step, ref int next, List<long> accepted, List<long> sent)
    {
        var before = h.Checkpoint;
        var generation = h.Remote("B").Generation;
        switch (step)
        {
            case DataStep.Send:
                var queued = accepted.Count - sent.Count;
                var id = ++next;
                var outputs = h.Feed(new DataSendRequested(id, "B", "chat", new[] { (byte)id }));
                if (outputs.OfType<ErrorRaisedNotice>().Any(e => e.Error is DataSendFailed { Reason: DataSendFailure.QueueFull }) && queued < h.Engine.Options.DataChannels.QueueCapacity)
                {
                    return $"send {id} was refused as full with {queued} queued";
                }

                accepted.AddRange(outputs.OfType<DataSendAcceptedNotice>().Select(a => a.SendId));
                break;
            case DataStep.IceDown: h.Ice("B", IceConnectionState.Disconnected); break;
            case DataStep.IceUp: h.MediaConnected("B"); break;
            case DataStep.Swap:
                h.Ice("B", IceConnectionState.Disconnected);
                h.DropSocket();
                h.Reconnect(EngineHarness.Peer("B"));
                break;
            case DataStep.Open: h.Feed(new DataChannelOpened("B", generation, "chat")); break;
            case DataStep.StaleOpen: h.Feed(new DataChannelOpened("B", generation - 1, "chat")); break;
            default: h.Feed(new DataChannelClosed("B", generation, "chat")); break;
        }

        foreach (var data in h.Since<SendData>(before))
        {
            if (data.Generation != h.Remote("B").Generation)
            {
                return $"message {data.Payload.Span[0]} was sent on generation {data.Generation}, live is {h.Remote("B").Generation}";
            }

            sent.Add(data.Payload.Span[0]);
        }

        return null;
    }
}
