using FsCheck;
using FsCheck.Xunit;
using Reconnect.Transports.InMemory;

namespace Reconnect.Transports.Tests.InMemory;

public sealed class InMemorySdpTests
{
    [Fact]
    public void A_description_round_trips_its_credentials_and_streams()
    {
        var sdp = new InMemorySdp("A7", "pwA7", ["camA", "micA"]);

        var read = InMemorySdp.Read(sdp.Write());

        Assert.NotNull(read);
        Assert.Equal("A7", read.Ufrag);
        Assert.Equal("pwA7", read.Password);
        Assert.Equal(["camA", "micA"], read.StreamIds);
    }

    [Theory]
    [InlineData("")]
    [InlineData("v=0\r\na=ice-pwd:x\r\n")]
    [InlineData("v=0\r\na=ice-ufrag:x\r\n")]
    public void A_description_without_both_credentials_is_refused(string text) => Assert.Null(InMemorySdp.Read(text));

    [Fact]
    public void A_candidate_names_its_address_and_ice_generation()
    {
        var candidate = InMemorySdp.Candidate("10.2.1.1", "B3");

        Assert.Equal(("10.2.1.1", "B3"), InMemorySdp.ReadCandidate(candidate));
    }

    [Theory]
    [InlineData("candidate:1 1 udp 1 10.0.0.1 9 typ host")]
    [InlineData("garbage")]
    [InlineData("")]
    public void A_malformed_candidate_is_refused(string text) => Assert.Null(InMemorySdp.ReadCandidate(text));

    [Property]
    public bool Any_text_is_read_without_throwing_and_what_is_read_writes_back_to_the_same_description(string? text)
    {
        var sdp = InMemorySdp.Read(text ?? string.Empty);
        var candidate = InMemorySdp.ReadCandidate(text ?? string.Empty);
        var again = sdp is null ? null : InMemorySdp.Read(sdp.Write());
        var roundTrips = sdp is null
            || (again is not null && again.Ufrag == sdp.Ufrag && again.Password == sdp.Password && again.StreamIds.SequenceEqual(sdp.StreamIds));
        var candidateRoundTrips = candidate is not { } c || InMemorySdp.ReadCandidate(InMemorySdp.Candidate(c.Address, c.Ufrag)) == c;
        return roundTrips && candidateRoundTrips;
    }

    [Property]
    public bool Descriptions_with_any_credentials_and_streams_write_and_read_back_equal(NonEmptyString ufrag, NonEmptyString password, string?[]? streams)
    {
        var clean = (string s) => s.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var sdp = new InMemorySdp(clean(ufrag.Get), clean(password.Get), [.. (streams ?? []).OfType<string>().Select(clean)]);
        var again = InMemorySdp.Read(sdp.Write());
        return again is not null && again.Ufrag == sdp.Ufrag && again.Password == sdp.Password && again.StreamIds.SequenceEqual(sdp.StreamIds);
    }
}
