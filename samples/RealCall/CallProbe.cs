using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Testing.Calls;

namespace Reconnect.Samples.RealCall;

/// <summary>Whether a call is whole: every client joined and connected to every other one.</summary>
public static class CallProbe
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(50);

    /// <summary>True when every client is joined and sees every other client as a connected remote peer.</summary>
    public static bool IsHealed(IReadOnlyDictionary<string, ReconnectClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        return CallWholeness.IsWhole(clients);
    }

    /// <summary>
    /// True when the call is healed (<see cref="IsHealed"/>) and every client receives every other client's camera
    /// (<see cref="CameraOf"/>) on the live media connection, so a rebuilt connection carries media again.
    /// </summary>
    public static bool IsHealedWithCameras(IReadOnlyDictionary<string, ReconnectClient> clients) =>
        IsHealed(clients) && clients.Values.All(self => self.RemotePeers.All(peer =>
            peer.Streams.Any(stream => stream.Id == CameraOf(peer.Id) && stream.Generation == peer.Generation)));

    /// <summary>The id of the camera stream a demo peer publishes.</summary>
    public static string CameraOf(string peerId) => "cam" + peerId;

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
