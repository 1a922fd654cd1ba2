using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Policies;

namespace Reconnect.Core.Tests.Policies;

public sealed class NegotiationRolesTests
{
    /// <summary>Peer ids over a small alphabet (so prefixes and near-misses are common), mixed case and non-ASCII.</summary>
    private static readonly Gen<string> PeerId =
        Gen.ListOf(Gen.Elements('a', 'b', 'A', 'B', '0', '-', 'é', 'ß', '中', '\uD83D', '\uDE00'))
            .Select(chars => new string([.. chars]));

    [Fact]
    public void Of_two_distinct_peers_exactly_one_is_polite()
    {
        var pairs = Gen.Zip(PeerId, PeerId).Where(p => p.Item1 != p.Item2).ToArbitrary();

        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(pairs, p =>
            {
                var (local, remote) = p;
                var localPolite = NegotiationRoles.IsPolite(local, remote);
                var remotePolite = NegotiationRoles.IsPolite(remote, local);
                return (localPolite != remotePolite)
                    .Label($"local=\"{Escape(local)}\" polite={localPolite}, remote=\"{Escape(remote)}\" polite={remotePolite}");
            }));
    }

    [Fact]
    public void The_peer_whose_id_sorts_higher_is_polite()
    {
        Assert.True(NegotiationRoles.IsPolite("bob", "alice"));
        Assert.False(NegotiationRoles.IsPolite("alice", "bob"));
    }

    [Fact]
    public void Ids_compare_ordinally_not_by_culture()
    {
        Assert.True(NegotiationRoles.IsPolite("a", "B"));
        Assert.True(NegotiationRoles.IsPolite("ab", "a"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("peer-1")]
    public void A_peer_cannot_negotiate_with_itself(string id)
    {
        Assert.Throws<ArgumentException>(() => NegotiationRoles.IsPolite(id, new string(id.AsSpan())));
    }

    [Fact]
    public void Ids_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => NegotiationRoles.IsPolite(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => NegotiationRoles.IsPolite("a", null!));
    }

    private static string Escape(string id) =>
        string.Concat(id.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
