using System.CommandLine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Cli;

/// <summary>
/// The simulator's command line: <c>run</c>, <c>explore</c> and <c>bench</c>. Every user error (an unknown option,
/// a bad number, a scenario that does not load, a missing file or folder, a size past its limit) is found before
/// any run starts and printed as plain lines on stderr, without a stack trace, with exit code 2.
/// </summary>
internal static class SimCli
{
    /// <summary>The exit code of a user error.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line; no arguments runs the seed demo.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter errors, TimeProvider? wallClock = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var clock = wallClock ?? TimeProvider.System;
        if (args.Length == 0)
        {
            return Guard(errors, () => RunCommand.Run(new RunCommand.Settings(null, null, null, false, null, null), output, errors, clock));
        }

        var root = new RootCommand("Reconnect simulator: runs the production engine in virtual time with injected faults.")
        {
            RunCommand.Create(output, errors, clock),
            ExploreCommand.Create(output, errors),
            BenchCommand.Create(output, errors, clock),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                errors.WriteLine(error.Message);
            }

            var names = new List<string>();
            for (var result = parse.CommandResult; result is not null && !ReferenceEquals(result.Command, root); result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Command.Name);
            }

            errors.WriteLine(names.Count == 0 ? "See --help." : $"See '{string.Join(' ', names)} --help'.");
            return UsageError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = errors });
    }

    /// <summary>Runs a command's body, turning a user error into its lines on stderr and exit code 2.</summary>
    public static int Guard(TextWriter errors, Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (CliError error)
        {
            errors.WriteLine(error.Message);
            return UsageError;
        }
        catch (ScenarioException error)
        {
            errors.WriteLine(error.Message);
            return UsageError;
        }
    }
}
