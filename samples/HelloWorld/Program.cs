using Reconnect.Testing.Calls;

await using var call = new VirtualCall(seed: 42);
var alice = call.AddClient("alice");
var bob = call.AddClient("bob");
await call.RunAsync(Task.WhenAll(alice.JoinAsync("room-42", "alice"), bob.JoinAsync("room-42", "bob")));
await call.RunUntilHealedAsync();
var bobAsAliceSeesHim = alice.RemotePeers.Single();

call.Cut("alice", TimeSpan.FromSeconds(5));
var healed = await call.RunUntilHealedAsync(TimeSpan.FromMinutes(1));
var samePeer = alice.RemotePeers.Single() == bobAsAliceSeesHim;

Console.WriteLine(call.Timeline());
Console.WriteLine($"healed: {healed} at {call.Elapsed}; bob is the same RemotePeer: {samePeer}");
await call.RunAsync(Task.WhenAll(alice.CloseAsync(), bob.CloseAsync()));
return healed && samePeer ? 0 : 1;
