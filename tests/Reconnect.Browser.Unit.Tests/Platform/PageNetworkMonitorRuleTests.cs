using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser.Platform;

namespace Reconnect.Browser.Unit.Tests.Platform;

/// <summary>
/// What the page hears of the network becomes the monitor's network change: <c>online</c> and <c>offline</c> as such, and
/// a connection type only when it is a known type other than the last known one (an address change); anything else
/// (another word, an estimate-only <c>change</c> that keeps the type, a browser with no type) is no news.
/// </summary>
public sealed class PageNetworkMonitorRuleTests
{
    private static readonly Dictionary<string, NetworkChange> Known = new(StringComparer.Ordinal)
    {
        ["online"] = NetworkChange.Online,
        ["offline"] = NetworkChange.Offline,
    };

    private static readonly string[] KnownTypes = ["wifi", "cellular", "ethernet", "bluetooth", "wimax"];

    private static readonly string[] NoTypes = ["", "unknown", "none", "other"];

    [Fact]
    public void Each_word_the_page_hears_raises_its_change_and_any_other_word_raises_none()
    {
        var words = Gen.OneOf(Gen.Elements([.. Known.Keys, "change"]), ArbMap.Default.GeneratorFor<string>().Where(w => w is not null));
        Prop.ForAll(Gen.ListOf(words).ToArbitrary(), heard =>
            {
                using var monitor = new PageNetworkMonitor();
                var raised = Watch(monitor);

                foreach (var word in heard)
                {
                    monitor.Heard(word);
                }

                Assert.Equal(heard.Where(Known.ContainsKey).Select(w => Known[w]), raised);
            })
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_connection_type_is_an_address_change_exactly_when_a_known_type_follows_another_known_type()
    {
        var types = Gen.Elements([.. KnownTypes, .. NoTypes]);
        Prop.ForAll(Gen.ListOf(types).ToArbitrary(), readings =>
            {
                using var monitor = new PageNetworkMonitor();
                var raised = Watch(monitor);

                foreach (var type in readings)
                {
                    monitor.ConnectionIs(type);
                }

                var known = readings.Where(t => KnownTypes.Contains(t)).ToList();
                var expected = known.Zip(known.Skip(1)).Count(pair => pair.First != pair.Second);
                Assert.Equal(Enumerable.Repeat(NetworkChange.AddressChanged, expected), raised);
            })
            .QuickCheckThrowOnFailure();
    }

    private static List<NetworkChange> Watch(PageNetworkMonitor monitor)
    {
        var raised = new List<NetworkChange>();
        monitor.NetworkChanged += (_, e) => raised.Add(e.Change);
        return raised;
    }
}
