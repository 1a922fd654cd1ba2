using Reconnect.Sim.Cli;

return SimCli.Invoke(args, Console.Out, Console.Error);
