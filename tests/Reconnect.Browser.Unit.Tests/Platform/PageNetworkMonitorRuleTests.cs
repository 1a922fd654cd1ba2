using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser.Platform;

namespace Reconnect.Browser.Unit.Tests.Platform;

/// <summary>What the page hears of the network becomes the monitor's network change; anything else is no news.</summary>
public sealed class PageNetworkMonitorRuleTests
{
    private static readonly Dictionary<string, NetworkChange> Known = new(StringComparer.Ordinal)
    {
        ["online"] = NetworkChange.Online,
        ["offline"] = NetworkChange.Offline,
        ["change"] = NetworkChange.AddressChanged,
    };

    [Fact]
    public void Each_word_the_page_hears_raises_its_change_and_any_other_word_raises_none()
    {
        var words = Gen.OneOf(Gen.Elements([.. Known.Keys]), ArbMap.Default.GeneratorFor<string>().Where(w => w is not null));
        Prop.ForAll(Gen.ListOf(words).ToArbitrary(), heard =>
            {
                using var monitor = new PageNetworkMonitor();
                var raised = new List<NetworkChange>();
                monitor.NetworkChanged += (_, e) => raised.Add(e.Change);

                foreach (var word in heard)
                {
                    monitor.Heard(word);
                }

                Assert.Equal(heard.Where(Known.ContainsKey).Select(w => Known[w]), raised);
            })
            .QuickCheckThrowOnFailure();
    }
}
