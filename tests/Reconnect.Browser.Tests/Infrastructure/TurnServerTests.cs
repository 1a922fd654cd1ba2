using System.Net;
using Reconnect.Browser.Harness.Hosting;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Infrastructure;

/// <summary>The coturn fixture: it answers STUN once started, goes silent when stopped and answers again on the same port.</summary>
public sealed class TurnServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coturn_stopped_goes_silent_and_started_again_answers_on_the_same_port()
    {
        await using var turn = await TurnServer.StartAsync(Ct);
        var endPoint = new IPEndPoint(IPAddress.Loopback, turn.Port);
        Assert.True(await StunProbe.AnswersAsync(endPoint, TimeSpan.FromSeconds(2), Ct), $"coturn did not answer once started:\n{turn.Log()}");

        await turn.StopAsync();
        Assert.False(turn.IsRunning);
        Assert.False(await StunProbe.AnswersAsync(endPoint, TimeSpan.FromMilliseconds(500), Ct), "coturn still answered after it was stopped");

        await turn.StartAgainAsync(Ct);
        Assert.True(await StunProbe.AnswersAsync(endPoint, TimeSpan.FromSeconds(2), Ct), $"coturn did not answer on port {turn.Port} once started again:\n{turn.Log()}");
    }
}
