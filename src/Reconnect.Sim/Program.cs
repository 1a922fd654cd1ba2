using System.CommandLine;
using Reconnect.Sim.Cli;

var root = new RootCommand("Reconnect simulator: runs the production engine in virtual time with injected faults.");
var run = RunCommand.Create();
root.Subcommands.Add(run);
root.Subcommands.Add(ExploreCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
if (args.Length == 0)
{
    return RunCommand.Run(null, null, null, false, Console.Out);
}

return root.Parse(args).Invoke();
