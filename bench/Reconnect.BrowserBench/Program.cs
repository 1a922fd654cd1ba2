using System.CommandLine;
using Reconnect.BrowserBench;
using Reconnect.BrowserBench.Faults;

var runs = new Option<int>("--runs") { Description = "Runs per fault and policy.", DefaultValueFactory = _ => 5 };
var faults = new Option<string>("--faults") { Description = $"Comma-separated faults (default all: {string.Join(",", BenchFaults.Names)}).", DefaultValueFactory = _ => string.Join(",", BenchFaults.Names) };
var policies = new Option<string>("--policies") { Description = "Comma-separated page policies (default reconnect,baseline).", DefaultValueFactory = _ => string.Join(",", BrowserBenchSettings.KnownPolicies) };
var cap = new Option<double>("--cap-seconds") { Description = "How long after a fault's removal a run may take to heal before it counts as never.", DefaultValueFactory = _ => 120 };
var json = new Option<string?>("--json") { Description = "Also write every run's figures to this file as JSON." };
var root = new RootCommand("Reconnect browser bench: each fault N times on a real call in Chromium, with this library's policy and the heal bench's baseline; time from the fault's removal to video flowing both ways again.")
{
    runs, faults, policies, cap, json,
};
root.SetAction((parse, cancel) =>
{
    static string[] List(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var settings = new BrowserBenchSettings(
        parse.GetValue(runs),
        List(parse.GetValue(faults)),
        List(parse.GetValue(policies)),
        TimeSpan.FromSeconds(parse.GetValue(cap)),
        parse.GetValue(json));
    try
    {
        settings.Validate();
    }
    catch (ArgumentOutOfRangeException e)
    {
        Console.Error.WriteLine(e.Message);
        return Task.FromResult(2);
    }

    var commandLine = "dotnet run -c Release --project bench/Reconnect.BrowserBench --" + string.Concat(args.Select(a => " " + a));
    return BrowserBench.RunAsync(settings, commandLine, Console.Out, Console.Error, cancel);
});
return await root.Parse(args).InvokeAsync();
