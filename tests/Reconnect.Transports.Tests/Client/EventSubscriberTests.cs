using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Machines.LocalPeer;

namespace Reconnect.Transports.Tests.Client;

/// <summary>
/// The slow-subscriber rule, over capacities and interleavings of events and reads: every event is read once, in
/// order, or counted in a gap that comes only once the buffer is full; after a gap the next thing read that is not
/// another gap is the snapshot as of the last event lost.
/// </summary>
public sealed class EventSubscriberTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reader_sees_every_event_once_in_order_or_counts_it_in_a_gap_followed_by_the_snapshot_as_of_the_gap()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var capacity = random.Next(1, 6);
            var subscriptions = new EventSubscriptions(capacity, NullLogger.Instance);
            var published = 0;
            var subscriber = subscriptions.Subscribe(Snapshot(0));
            var read = new List<ReconnectEvent>();
            for (var op = 0; op < 60; op++)
            {
                if (random.Next(3) == 0)
                {
                    if (await TryReadAsync(subscriber) is { } next)
                    {
                        read.Add(next);
                    }

                    continue;
                }

                published++;
                var current = published;
                subscriptions.Publish(Event(current), () => Snapshot(current));
            }

            subscriptions.CompleteAll();
            while (await subscriber.ReadAsync(Ct) is { } next)
            {
                read.Add(next);
            }

            Check(seed, capacity, published, read);
        }
    }

    /// <summary>Reads what is buffered without waiting: a cancelled read returns a buffered event and throws only when there is none.</summary>
    private static async Task<ReconnectEvent?> TryReadAsync(EventSubscriber subscriber)
    {
        try
        {
            return await subscriber.ReadAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Snapshot n stands after event n; event n is at n ticks; a gap must say how many it skipped, and the next snapshot must be as of that count.</summary>
    private static void Check(int seed, int capacity, int published, List<ReconnectEvent> read)
    {
        var seen = 0;
        var why = $"SEED=0x{seed:x} capacity {capacity}: read {string.Join(", ", read.Select(Describe))}";
        for (var i = 0; i < read.Count; i++)
        {
            switch (read[i])
            {
                case CallSnapshotEvent snapshot:
                    Assert.True(snapshot.At.Ticks == seen, why);
                    break;
                case EventsMissedEvent gap:
                    Assert.True(gap.Missed > capacity && gap.At.Ticks == seen + gap.Missed, why);
                    seen += (int)gap.Missed;
                    Assert.True(read.Skip(i + 1).FirstOrDefault(e => e is not EventsMissedEvent) is null or CallSnapshotEvent, why);
                    break;
                default:
                    Assert.True(read[i].At.Ticks == ++seen, why);
                    break;
            }
        }

        Assert.True(seen == published, why);
        Assert.True(read[0] is CallSnapshotEvent { At.Ticks: 0 } or EventsMissedEvent, why);
    }

    private static string Describe(ReconnectEvent evt) => evt switch
    {
        CallSnapshotEvent s => $"snapshot@{s.At.Ticks}",
        EventsMissedEvent g => $"gap {g.Missed}@{g.At.Ticks}",
        _ => $"e{evt.At.Ticks}",
    };

    private static ReconnectEvent Event(int n) => new InputIgnoredEvent(TimeSpan.FromTicks(n), $"input {n}", "a test");

    private static CallSnapshotEvent Snapshot(int afterEvent) => new(TimeSpan.FromTicks(afterEvent), LocalPeerState.Joined, []);
}
