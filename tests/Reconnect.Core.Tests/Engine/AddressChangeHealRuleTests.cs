using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// An address change restarts ICE on every connected remote peer. Over a path that still works Chromium keeps saying
/// connected through the restart, so no ICE state tells the heal: the restart's completed exchange does, while ICE
/// still says connected. Once ICE has said the old path is gone, only ICE saying connected again heals.
/// </summary>
public sealed class AddressChangeHealRuleTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_address_change_over_a_path_that_still_works_heals_once_the_restart_exchange_completes(bool polite)
    {
        var h = Established(polite);
        h.Feed(new NetworkChanged(NetworkChange.AddressChanged));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        var offered = h.Checkpoint;

        RenegotiatedHeal.RestartExchangeHeals(h, "renegotiated after an address change", CoverageMarks.AddressChangeRenegotiated);

        Assert.Equal(new RelaySignalMessage("B", new OfferSignal(1, "restart", true, 2)), h.Sent<RelaySignalMessage>(offered).First());
    }

    [Fact]
    public void An_address_change_whose_old_path_is_gone_heals_only_when_ice_says_connected_again()
    {
        var h = Established(polite: false);
        h.Feed(new NetworkChanged(NetworkChange.AddressChanged));
        h.LocalDescription("B", 1, SdpType.Offer, "restart");
        h.Ice("B", IceConnectionState.Disconnected);
        var answered = h.Checkpoint;

        h.Signal("B", new AnswerSignal(1, "restart answer", 2));

        Assert.Empty(h.RemoteChanges("B", answered));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
        h.MediaConnected("B");
        Assert.Equal(RemotePeerState.Connected, h.Remote("B").State);
        Assert.DoesNotContain(CoverageMarks.AddressChangeRenegotiated, h.Engine.Coverage.Keys);
    }

    [Fact]
    public void A_peer_already_reconnecting_when_the_address_changes_still_heals_by_ice()
    {
        var h = Established(polite: false);
        h.Ice("B", IceConnectionState.Failed);
        h.LocalDescription("B", 1, SdpType.Offer, "restart 1");
        h.Feed(new NetworkChanged(NetworkChange.AddressChanged));
        var answered = h.Checkpoint;

        h.Signal("B", new AnswerSignal(1, "restart answer", 2));

        Assert.Empty(h.RemoteChanges("B", answered));
        Assert.Equal(RemotePeerState.Reconnecting, h.Remote("B").State);
    }

    private static EngineHarness Established(bool polite)
    {
        var h = new EngineHarness(EngineHarness.LongLivedSocket).Join(polite ? "C" : "A", "room", EngineHarness.Peer("B"));
        NegotiationPaths.Establish(h, polite);
        h.MediaConnected("B");
        return h;
    }
}
