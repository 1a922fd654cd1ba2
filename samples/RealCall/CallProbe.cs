using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Transports.Client;

namespace Reconnect.Samples.RealCall;

/// <summary>Whether a call is whole: every client joined and connected to every other one.</summary>
public static class CallProbe
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>True when every client is joined and sees every other client as a connected remote peer.</summary>
    public static bool IsHealed(IReadOnlyDictionary<string, ReconnectClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return clients.All(self =>
            self.Value.State == LocalPeerState.Joined
            && clients.Keys.Where(id => id != self.Key).All(other =>
                self.Value.RemotePeers.Any(p => p.Id == other && p.State == RemotePeerState.Connected)));
    }

    /// <summary>Waits until <paramref name="condition"/> holds; false when <paramref name="within"/> passes first.</summary>
    public static async Task<bool> WaitAsync(Func<bool> condition, TimeSpan within, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(within);
        using var ticks = new PeriodicTimer(PollPeriod);
        while (!condition())
        {
            try
            {
                await ticks.WaitForNextTickAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return condition();
            }
        }

        return true;
    }
}
