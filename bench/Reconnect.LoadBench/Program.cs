using System.CommandLine;
using Reconnect.LoadBench;

var clients = new Option<int>("--clients") { Description = "Real WebSocket clients to join.", DefaultValueFactory = _ => 1_000 };
var channels = new Option<int>("--channels") { Description = "Channels the clients are spread over.", DefaultValueFactory = _ => 100 };
var server = new Option<Uri?>("--server") { Description = "A running server's base address (http://host:port); default: start one on a free loopback port." };
var concurrency = new Option<int>("--connect-concurrency") { Description = "Connects under way at once.", DefaultValueFactory = _ => 1_000 };
var ping = new Option<double>("--ping-seconds") { Description = "Each client's ping interval in seconds.", DefaultValueFactory = _ => 10 };
var timeout = new Option<double>("--timeout-seconds") { Description = "How long the joins, and then the heal, may take.", DefaultValueFactory = _ => 300 };
var root = new RootCommand("Reconnect load benchmark: N real WebSocket clients in channels against one server, then a reconnect storm.")
{
    clients, channels, server, concurrency, ping, timeout,
};
root.SetAction((parse, cancel) =>
{
    var settings = new LoadSettings(
        parse.GetValue(clients),
        parse.GetValue(channels),
        parse.GetValue(server),
        parse.GetValue(concurrency),
        TimeSpan.FromSeconds(parse.GetValue(ping)),
        TimeSpan.FromSeconds(parse.GetValue(timeout)));
    try
    {
        settings.Validate();
    }
    catch (ArgumentOutOfRangeException e)
    {
        Console.Error.WriteLine(e.Message);
        return Task.FromResult(2);
    }

    return LoadRun.RunAsync(settings, Console.Out, cancel);
});
return await root.Parse(args).InvokeAsync();
