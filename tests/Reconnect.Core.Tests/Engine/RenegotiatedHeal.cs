using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>The heal of a ladder started over a connected ICE: the restart offer goes out, its answer ends the episode.</summary>
internal static class RenegotiatedHeal
{
    /// <summary>Delivers the restart offer asked of "B" on generation 1 and its answer (to offer 2), and checks the answer healed B with <paramref name="reason"/>.</summary>
    public static void RestartExchangeHeals(EngineHarness h, string reason, string mark)
    {
        h.LocalDescription("B", 1, SdpType.Offer, "restart");
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        var answered = h.Checkpoint;

        h.Signal("B", new AnswerSignal(1, "restart answer", 2));

        var change = Assert.Single(h.RemoteChanges("B", answered));
        Assert.Equal((RemotePeerState.Reconnecting, RemotePeerState.Connected, reason), (change.From, change.To, change.Reason));
        Assert.Equal(0, h.Remote("B").LadderAttempt);
        Assert.DoesNotContain(h.ArmedTimers, t => t.Id.Owner == "B");
        Assert.Contains(mark, h.Engine.Coverage.Keys);
    }
}
