using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser.Media;
using Reconnect.Core.Ports;

namespace Reconnect.Browser.Unit.Tests.Media;

/// <summary>
/// The fold of RTCPeerConnection's two W3C states into the engine's one ICE state: connectionState failed or closed
/// wins, otherwise iceConnectionState says; only a change is reported, and the result depends on the last value of each,
/// never on which of the two events came first.
/// </summary>
public sealed class PeerConnectionStatesRuleTests
{
    private static readonly string[] IceStates = ["new", "checking", "connected", "completed", "disconnected", "failed", "closed"];
    private static readonly string[] ConnectionStates = ["new", "connecting", "connected", "disconnected", "failed", "closed"];

    /// <summary>Values no W3C state has (a future browser's, or a typo): they must never be reported.</summary>
    private static readonly string[] Unknown = ["", "Connected", "restarting"];

    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var ice in IceStates)
        {
            foreach (var connection in ConnectionStates)
            {
                pairs.Add(ice, connection);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_pair_of_w3c_states_folds_to_the_rule_state_whichever_arrives_first(string ice, string connection)
    {
        var iceFirst = new PeerConnectionStates();
        var connectionFirst = new PeerConnectionStates();

        var a = Last(IceConnectionState.New, iceFirst.IceChanged(ice), iceFirst.ConnectionChanged(connection));
        var b = Last(IceConnectionState.New, connectionFirst.ConnectionChanged(connection), connectionFirst.IceChanged(ice));

        Assert.Equal(Rule(ice, connection), a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Any_sequence_of_state_events_reports_only_changes_and_always_holds_the_rule_state_of_the_last_values()
    {
        var events = Gen.ListOf(Gen.Zip(Gen.Elements(true, false), Gen.Elements([.. IceStates, .. ConnectionStates, .. Unknown])));
        Prop.ForAll(events.ToArbitrary(), sequence =>
            {
                var states = new PeerConnectionStates();
                var (ice, connection, current) = ("new", "new", IceConnectionState.New);
                foreach (var (isIce, value) in sequence)
                {
                    var reported = isIce ? states.IceChanged(value) : states.ConnectionChanged(value);
                    (ice, connection) = isIce ? (value, connection) : (ice, value);
                    Assert.True(reported != current, $"{current} reported again after {(isIce ? "ice" : "connection")} {value}");
                    current = reported ?? current;
                    if (IsKnown(ice) || connection is "failed" or "closed")
                    {
                        Assert.Equal(Rule(ice, connection), current);
                    }
                }
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_stream_arrives_once_per_connection_however_many_tracks_carry_it()
    {
        Prop.ForAll(Gen.ListOf(Gen.Elements("cam", "mic", "screen")).ToArbitrary(), ids =>
            {
                var states = new PeerConnectionStates();
                var firsts = ids.Where(states.StreamArrived).ToList();
                Assert.Equal(ids.Distinct(StringComparer.Ordinal), firsts);
            })
            .QuickCheckThrowOnFailure();
    }

    private static bool IsKnown(string ice) => IceStates.Contains(ice, StringComparer.Ordinal);

    /// <summary>The rule restated: connectionState failed or closed wins, otherwise the ICE state of the same name.</summary>
    private static IceConnectionState Rule(string ice, string connection) => connection switch
    {
        "failed" => IceConnectionState.Failed,
        "closed" => IceConnectionState.Closed,
        _ => Enum.Parse<IceConnectionState>(ice, ignoreCase: true),
    };

    private static IceConnectionState Last(IceConnectionState start, params IceConnectionState?[] reports) =>
        reports.Aggregate(start, (state, report) => report ?? state);
}
