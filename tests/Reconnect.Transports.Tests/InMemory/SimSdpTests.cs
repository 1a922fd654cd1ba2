using FsCheck;
using FsCheck.Fluent;
using Reconnect.Transports.InMemory;

namespace Reconnect.Transports.Tests.InMemory;

public sealed class SimSdpTests
{
    [Fact]
    public void A_description_round_trips_its_credentials_and_streams()
    {
        var sdp = new SimSdp("A7", "pwA7", ["camA", "micA"]);

        var read = SimSdp.Read(sdp.Write());

        Assert.NotNull(read);
        Assert.Equal("A7", read.Ufrag);
        Assert.Equal("pwA7", read.Password);
        Assert.Equal(["camA", "micA"], read.StreamIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v=0\r\na=ice-pwd:x\r\n")]
    [InlineData("v=0\r\na=ice-ufrag:x\r\n")]
    public void A_description_without_both_credentials_is_refused(string text) => Assert.Null(SimSdp.Read(text));

    [Fact]
    public void A_candidate_names_its_address_and_ice_generation()
    {
        var candidate = SimSdp.Candidate("10.2.1.1", "B3");

        Assert.Equal(("10.2.1.1", "B3"), SimSdp.ReadCandidate(candidate));
    }

    [Theory]
    [InlineData("candidate:1 1 udp 1 10.0.0.1 9 typ host")]
    [InlineData("garbage")]
    [InlineData("")]
    public void A_malformed_candidate_is_refused(string text) => Assert.Null(SimSdp.ReadCandidate(text));

    [Fact]
    public void Any_text_is_read_without_throwing() =>
        Prop.ForAll<string>(text =>
        {
            var sdp = SimSdp.Read(text ?? string.Empty);
            var candidate = SimSdp.ReadCandidate(text ?? string.Empty);
            return (sdp is null || sdp.Ufrag.Length >= 0) && (candidate is null || candidate.Value.Address.Length > 0);
        }).QuickCheckThrowOnFailure();
}
