using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;

namespace Reconnect.Sim.Tests.World;

public sealed class FaultDetailTests
{
    [Fact]
    public void A_faults_trace_detail_names_the_values_its_kind_takes()
    {
        Assert.Equal("800 ms, jitter 20 ms, signalling only", FaultDetail.Of(new FaultSpec { AtMs = 0, Kind = FaultKind.Latency, LatencyMs = 800, JitterMs = 20, Plane = FaultPlane.Signalling }));
        Assert.Equal("0.3, inbound, media only", FaultDetail.Of(new FaultSpec { AtMs = 0, Kind = FaultKind.OneWayLoss, Loss = 0.3, Direction = FaultDirection.Inbound, Plane = FaultPlane.Media }));
        Assert.Equal("outbound", FaultDetail.Of(new FaultSpec { AtMs = 0, Kind = FaultKind.OneWayPartition, Peer = "A", Other = "B", DurationMs = 1 }));
        Assert.Equal("stream camA, track front", FaultDetail.Of(new FaultSpec { AtMs = 0, Kind = FaultKind.ReplaceTrack, Stream = "camA", Track = "front" }));
        Assert.Null(FaultDetail.Of(new FaultSpec { AtMs = 0, Kind = FaultKind.Offline, Peer = "A", DurationMs = 1 }));
    }
}
