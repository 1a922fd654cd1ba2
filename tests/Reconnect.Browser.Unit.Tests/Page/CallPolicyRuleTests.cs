using Reconnect.Browser.Page;
using Reconnect.Core.Engine;

namespace Reconnect.Browser.Unit.Tests.Page;

/// <summary>The query's <c>policy</c>: each policy's name reads back as that policy, anything else stops the page, and the baseline hears no network signal.</summary>
public sealed class CallPolicyRuleTests
{
    [Fact]
    public void Every_policy_read_back_from_its_name_is_itself_and_no_policy_means_reconnect()
    {
        foreach (var policy in Enum.GetValues<CallPolicy>())
        {
            Assert.Equal(policy, PageSettings.Parse($"?room=r&policy={policy.Name()}").Policy);
        }

        Assert.Equal(CallPolicy.Reconnect, PageSettings.Parse("?room=r").Policy);
    }

    [Theory]
    [InlineData("Baseline")]
    [InlineData("none")]
    [InlineData("reconnect ")]
    public void An_unknown_policy_is_refused_naming_the_known_ones(string value)
    {
        var error = Assert.Throws<FormatException>(() => PageSettings.Parse("?policy=" + Uri.EscapeDataString(value)));

        Assert.Equal($"Unknown policy '{value}': the page knows 'reconnect' and 'baseline'.", error.Message);
    }

    [Fact]
    public void The_baseline_runs_the_bench_baseline_options_and_hears_no_network_signal_while_reconnect_runs_the_defaults_and_hears_it()
    {
        Assert.Equal(new ReconnectOptions().MediaWatchdog.Enabled, CallPolicy.Reconnect.Options().MediaWatchdog.Enabled);
        Assert.True(CallPolicy.Reconnect.HearsNetworkSignal());
        Assert.False(CallPolicy.Baseline.HearsNetworkSignal());
        Assert.NotEqual(CallPolicy.Reconnect.Options().MediaWatchdog.Enabled, CallPolicy.Baseline.Options().MediaWatchdog.Enabled);
    }
}
