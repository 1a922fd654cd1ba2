using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Transports.Tests.Client.Support;

namespace Reconnect.Transports.Tests.DependencyInjection;

public sealed class AddReconnectTests
{
    private static readonly ITokenProvider Tokens = new FixedTokenProvider();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void AddReconnect_with_invalid_options_throws_OptionsValidationException_listing_every_failure()
    {
        var services = new ServiceCollection()
            .AddReconnect(o => o with { LeaveTimeout = TimeSpan.Zero, PendingSignalCapacity = 0 })
            .AddSingleton<IValidateOptions<ReconnectOptions>>(
                new ValidateOptions<ReconnectOptions>(Options.DefaultName, o => o.RetryFirstConnect, "The app requires RetryFirstConnect."));
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IReconnectClientFactory>();

        var failure = Assert.Throws<OptionsValidationException>(() => factory.Create(Tokens, new IdleTransport()));

        Assert.Equal(
            ["LeaveTimeout must be positive.", "PendingSignalCapacity must be at least 1.", "The app requires RetryFirstConnect."],
            failure.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AddReconnect_applies_every_configuration_in_order_and_registers_the_system_clock()
    {
        var services = new ServiceCollection()
            .AddReconnect(o => o with { RetryFirstConnect = true, LeaveTimeout = TimeSpan.FromSeconds(1) })
            .AddReconnect(o => o with { LeaveTimeout = TimeSpan.FromSeconds(3) });
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ReconnectOptions>>().Value;
        var client = provider.GetRequiredService<IReconnectClientFactory>()
            .Create(Tokens, new IdleTransport(), b => b.WithEventBufferCapacity(8));
        await client.CloseAsync(Ct).WaitAsync(TestCall.Patience, Ct);

        Assert.True(options.RetryFirstConnect);
        Assert.Equal(TimeSpan.FromSeconds(3), options.LeaveTimeout);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Single(provider.GetServices<IValidateOptions<ReconnectOptions>>());
        Assert.Equal(LocalPeerState.Closed, client.State);
    }

    [Fact]
    public void Builder_with_invalid_options_throws_OptionsValidationException_listing_every_failure()
    {
        var builder = ReconnectClient.CreateBuilder()
            .WithOptions(new ReconnectOptions { StillReconnectingAfter = TimeSpan.Zero, PendingSignalHold = TimeSpan.Zero })
            .WithTokenProvider(Tokens)
            .WithTransport(new IdleTransport());

        var failure = Assert.Throws<OptionsValidationException>(builder.Build);

        Assert.Equal(["PendingSignalHold must be positive.", "StillReconnectingAfter must be positive."], failure.Failures.Order(StringComparer.Ordinal));
    }

    private sealed class FixedTokenProvider : ITokenProvider
    {
        public ValueTask<TokenGrant> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new TokenGrant("ok:app"));
    }
}
