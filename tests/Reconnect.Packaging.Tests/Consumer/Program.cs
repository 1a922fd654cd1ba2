using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Reconnect;
using Reconnect.Core.Machines.RemotePeer;
using Reconnect.Core.Time;
using Reconnect.Server;
using Reconnect.Testing.Calls;
using Reconnect.Testing.Exploration;
using Reconnect.Testing.Scenarios;
using Reconnect.Testing.World;
using Reconnect.Transports.InMemory;
using Channel = Reconnect.Channel;
using Engine = Reconnect.Core.Engine;

// Reconnect.Core, as its README shows it: after a join the engine first asks for a token.
var engine = new Engine.CallEngine(new ReconnectOptions(), seed: 42);
engine.Handle(Instant.Zero, new Engine.JoinRequested("room-42", "alice", new Dictionary<string, string>()));
Require(engine.PollOutput() is Engine.FetchToken, "Reconnect.Core: the engine's first output after a join is not FetchToken");

// Reconnect.Channel, as its README shows it: the channel logic welcomes a join.
var logic = new Channel.ChannelServer(new Channel.ChannelServerOptions(), new Channel.LiteralTokenValidator());
logic.Handle(Instant.Zero, new Channel.ConnectionOpened(1, "ok:alice"));
logic.Handle(Instant.Zero, new Channel.ClientFrameReceived(1, """{"type":"join","channel":"room-42","peerId":"alice","metadata":{},"streams":[],"resumeSessionId":null}"""));
var welcomed = false;
while (logic.PollOutput() is { } output)
{
    welcomed |= output is Channel.SendFrame { Message: Reconnect.Core.Protocol.WelcomeMessage };
}

Require(welcomed, "Reconnect.Channel: the channel logic did not welcome the join");

// Reconnect.Testing, as its README shows it: the seed demo heals in virtual time.
var demo = new SimWorld(ScenarioLibrary.SeedDemo, seed: 0x2a).Run();
Require(demo.Passed(healExpected: true), $"Reconnect.Testing: the seed demo failed, SEED=0x{demo.Seed:x}: {string.Join("; ", demo.Violations.Concat(demo.Misses))}");
Console.WriteLine("seed demo healed in virtual time");

// Reconnect.Testing, as the README's hello world uses it: two clients in virtual time, a 5 s cut, the heal, and then
// a drawn fault schedule injected into the same call, with no invariant violated.
await using (var call = new VirtualCall(seed: 42))
{
    var virtualAlice = call.AddClient("alice");
    var virtualBob = call.AddClient("bob");
    await call.RunAsync(Task.WhenAll(virtualAlice.JoinAsync("room-42", "alice"), virtualBob.JoinAsync("room-42", "bob"))).ConfigureAwait(false);
    var bobAsAliceSeesHim = virtualAlice.RemotePeers.Single();
    call.Cut("alice", TimeSpan.FromSeconds(5));
    Require(await call.RunUntilHealedAsync().ConfigureAwait(false), $"Reconnect.Testing: the cut call did not heal\n{call.Timeline()}");
    Require(virtualAlice.RemotePeers.Single() == bobAsAliceSeesHim, "Reconnect.Testing: the heal did not keep the RemotePeer object");
    var schedule = FaultSchedules.FromSeed(7);
    call.Inject(schedule.Faults);
    Require(await call.RunUntilHealedAsync(schedule.End + TimeSpan.FromMinutes(3)).ConfigureAwait(false), $"Reconnect.Testing: {schedule} did not heal");
    Require(call.Violations.Count == 0, string.Join("\n", call.Violations));
}

Console.WriteLine("virtual call healed after a cut and a drawn fault schedule");

// Reconnect.Server in this process, two Reconnect.Transports clients on real WebSockets, media over
// Reconnect.Transports.InMemory: each sees the other connected.
using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
var app = ReconnectServer.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--Logging:LogLevel:Default=Warning", "--Reconnect:DevTokens=true"]);
await using (app.ConfigureAwait(false))
{
    await app.StartAsync(deadline.Token).ConfigureAwait(false);
    var baseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    using var http = new HttpClient { BaseAddress = baseUri };
    var fabric = new RealTimeMediaFabric();
    var alice = Client("alice");
    var bob = Client("bob");
    await using (alice.ConfigureAwait(false))
    await using (bob.ConfigureAwait(false))
    {
        await Task.WhenAll(alice.JoinAsync("room-42", "alice", null, deadline.Token), bob.JoinAsync("room-42", "bob", null, deadline.Token)).ConfigureAwait(false);
        while (!(Sees(alice, "bob") && Sees(bob, "alice")))
        {
            await Task.Delay(50, deadline.Token).ConfigureAwait(false);
        }

        Console.WriteLine("call connected: alice sees bob, bob sees alice");
    }

    await app.StopAsync(deadline.Token).ConfigureAwait(false);

    ReconnectClient Client(string name) => ReconnectClient.CreateBuilder()
        .WithTransport(new WebSocketTransportFactory(
            Options.Create(new WebSocketSignallingOptions { Endpoint = new Uri($"ws://{baseUri.Authority}/signal") }),
            NullLoggerFactory.Instance,
            sink => fabric.CreatePort(name, sink)))
        .WithTokenProvider(async ct =>
        {
            using var response = await http.PostAsJsonAsync("/dev/token", new { account = name, peerId = name, channel = "room-42" }, ct).ConfigureAwait(false);
            var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenBody>(ct).ConfigureAwait(false);
            return new TokenGrant(body!.Token);
        })
        .Build();
}

// The app-facing API in one namespace (AppSurface.cs uses `using Reconnect;` alone): built, a stream published, closed.
await using (var surface = AppSurface.Build(new Uri("ws://127.0.0.1:9/signal"), sink => new RealTimeMediaFabric().CreatePort("app", sink), _ => ValueTask.FromResult("token")))
{
    await AppSurface.PublishCameraAsync(surface, CancellationToken.None).ConfigureAwait(false);
}

Console.WriteLine("the app surface builds with using Reconnect alone");
return 0;

static bool Sees(ReconnectClient client, string other) =>
    client.RemotePeers.Any(peer => peer.Id == other && peer.State == RemotePeerState.Connected);

static void Require(bool condition, string failure)
{
    if (!condition)
    {
        throw new InvalidOperationException(failure);
    }
}

internal sealed record TokenBody(string Token);
