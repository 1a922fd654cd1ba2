using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Reconnect.Browser.Tokens;

namespace Reconnect.Browser.Unit.Tests.Tokens;

/// <summary>The page's token grant: asked of its own server for the room joined last, read with its ICE servers.</summary>
public sealed class DevTokenProviderTests
{
    private const string Grant = """
        {"token":"t-1","expiresAt":"2026-12-03T10:00:00+00:00",
         "iceServers":[{"urls":["turn:127.0.0.1:3478","turns:127.0.0.1:5349"],"username":"user","credential":"pass"},{"urls":["stun:127.0.0.1:3478"]}]}
        """;

    [Fact]
    public async Task The_grant_carries_the_token_its_expiry_and_every_ice_server()
    {
        var (provider, _) = Provider(() => "room", "ann");

        var grant = await provider.GetTokenAsync(TestContext.Current.CancellationToken);

        Assert.Equal("t-1", grant.Token);
        Assert.Equal(DateTimeOffset.Parse("2026-12-03T10:00:00+00:00", System.Globalization.CultureInfo.InvariantCulture), grant.ExpiresAt);
        Assert.Equal(2, grant.IceServers.Count);
        Assert.Equal(["turn:127.0.0.1:3478", "turns:127.0.0.1:5349"], grant.IceServers[0].Urls);
        Assert.Equal(("user", "pass"), (grant.IceServers[0].Username, grant.IceServers[0].Credential));
        Assert.Equal((null, null), (grant.IceServers[1].Username, grant.IceServers[1].Credential));
    }

    [Fact]
    public void Any_room_and_name_reach_the_server_unchanged_and_each_grant_asks_for_the_room_joined_last()
    {
        Prop.ForAll(Gen.ListOf(ArbMap.Default.GeneratorFor<NonEmptyString>()).Zip(ArbMap.Default.GeneratorFor<NonEmptyString>()).ToArbitrary(), input =>
            {
                var (rooms, name) = (input.Item1.Select(r => r.Get).ToList(), input.Item2.Get);
                var current = "first";
                var (provider, asked) = Provider(() => current, name);
                foreach (var room in rooms.Prepend(current))
                {
                    current = room;
                    provider.GetTokenAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                }

                Assert.Equal(rooms.Prepend("first").Select(r => (r, name)), asked.Select(Query));
            })
            .QuickCheckThrowOnFailure();
    }

    private static (string Room, string Name) Query(Uri uri)
    {
        var values = System.Web.HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("/dev/token", uri.AbsolutePath);
        return (values["room"]!, values["name"]!);
    }

    private static (DevTokenProvider Provider, List<Uri> Asked) Provider(Func<string> room, string name)
    {
        var asked = new List<Uri>();
        var http = new HttpClient(new Answering(asked)) { BaseAddress = new Uri("http://127.0.0.1:5080") };
        return (new DevTokenProvider(http, room, name), asked);
    }

    /// <summary>The page's server: notes each request and answers the grant.</summary>
    private sealed class Answering(List<Uri> asked) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            asked.Add(request.RequestUri!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Grant, Encoding.UTF8, "application/json") });
        }
    }
}
