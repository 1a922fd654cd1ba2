using Reconnect.Core.Engine;

namespace Reconnect.Testing.Scenarios;

/// <summary>Says what a <see cref="ScenarioBuilder"/>'s run must show; a setting left alone keeps the default of <see cref="ScenarioExpectations"/>.</summary>
public sealed class ExpectationsBuilder
{
    private readonly SortedDictionary<string, PeerCount> _peerJoined = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PeerCount> _peerLeft = new(StringComparer.Ordinal);
    private readonly List<string> _errors = [];
    private readonly List<string> _closed = [];
    private readonly List<string> _evicted = [];
    private ScenarioExpectations _expect = new();

    internal ExpectationsBuilder()
    {
    }

    /// <summary>The call must not converge: a run that heals anyway fails.</summary>
    public ExpectationsBuilder NotHealed()
    {
        _expect = _expect with { Healed = false };
        return this;
    }

    /// <summary>Bounds the peer-left notices summed over every peer; a bound left null is not checked.</summary>
    public ExpectationsBuilder PeerLeftTotal(int? min = null, int? max = null)
    {
        _expect = _expect with { MinPeerLeft = min, MaxPeerLeft = max };
        return this;
    }

    /// <summary>No peer may see another leave: <see cref="PeerLeftTotal"/> at most 0.</summary>
    public ExpectationsBuilder NoPeerLeft() => PeerLeftTotal(max: 0);

    /// <summary><paramref name="observer"/> must see exactly <paramref name="exactly"/> peer-joined notices.</summary>
    public ExpectationsBuilder PeerJoined(string observer, int exactly) => PeerJoined(observer, new PeerCount { Exactly = exactly });

    /// <summary><paramref name="observer"/>'s peer-joined notices must meet <paramref name="count"/>.</summary>
    public ExpectationsBuilder PeerJoined(string observer, PeerCount count) => Count(_peerJoined, observer, count);

    /// <summary><paramref name="observer"/>'s peer-left notices must meet <paramref name="count"/> (which may name a remote and a reason).</summary>
    public ExpectationsBuilder PeerLeft(string observer, PeerCount count) => Count(_peerLeft, observer, count);

    /// <summary>The run must raise <typeparamref name="TError"/>; the errors listed are exactly the ones raised.</summary>
    public ExpectationsBuilder Error<TError>()
        where TError : ReconnectError => Add(_errors, [typeof(TError).Name]);

    /// <summary>These peers' calls must end closed (and no other's).</summary>
    public ExpectationsBuilder Closed(params string[] peers) => Add(_closed, peers);

    /// <summary>These peers must be evicted at least once (and no other); needs <see cref="Error{TError}"/> of <see cref="EvictedError"/>.</summary>
    public ExpectationsBuilder Evicted(params string[] peers) => Add(_evicted, peers);

    /// <summary>Some peer's <see cref="TerminalCloseError"/> must carry <paramref name="code"/>.</summary>
    public ExpectationsBuilder TerminalErrorCode(int code)
    {
        _expect = _expect with { TerminalErrorCode = code };
        return this;
    }

    /// <summary>The expectations.</summary>
    internal ScenarioExpectations Build() => _expect with
    {
        PeerJoined = new SortedDictionary<string, PeerCount>(_peerJoined, StringComparer.Ordinal),
        PeerLeft = new SortedDictionary<string, PeerCount>(_peerLeft, StringComparer.Ordinal),
        Errors = [.. _errors],
        ClosedPeers = [.. _closed],
        EvictedPeers = [.. _evicted],
    };

    private ExpectationsBuilder Count(SortedDictionary<string, PeerCount> counts, string observer, PeerCount count)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ArgumentNullException.ThrowIfNull(count);
        counts[observer] = count;
        return this;
    }

    private ExpectationsBuilder Add(List<string> names, string[] added)
    {
        ArgumentNullException.ThrowIfNull(added);
        names.AddRange(added);
        return this;
    }
}
