using Reconnect.Sim.Cli;

namespace Reconnect.Sim.Tests.Cli;

/// <summary>Runs the simulator's command line as a user would, capturing stdout and stderr.</summary>
internal static class CliRun
{
    public static (int Exit, string Output, string Errors) Invoke(params string[] args) => InvokeWith(null, args);

    public static (int Exit, string Output, string Errors) InvokeWith(TimeProvider? wallClock, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = SimCli.Invoke(args, output, errors, wallClock);
        return (exit, output.ToString(), errors.ToString());
    }
}
