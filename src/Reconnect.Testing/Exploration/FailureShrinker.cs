using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace Reconnect.Testing.Exploration;

/// <summary>
/// Shrinks a failing case with FsCheck: a property over <see cref="ExplorationArb.From"/> that fails where the
/// case fails, checked once, so FsCheck walks the shrinker to the smallest case that still fails. A run budget
/// bounds the walk: once it is spent every further candidate counts as passing, which ends the shrink.
/// </summary>
internal static class FailureShrinker
{
    /// <summary>The smallest failing case found, its problems, and the runs spent.</summary>
    public static (ExplorationCase Minimal, IReadOnlyList<string> Problems, int Runs) Shrink(
        ExplorationCase failing,
        IReadOnlyList<string> problems,
        Func<ExplorationCase, IReadOnlyList<string>> evaluate,
        int maxRuns)
    {
        var failures = new Dictionary<ExplorationCase, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance) { [failing] = problems };
        var runs = 0;
        var property = Prop.ForAll(ExplorationArb.From(failing), candidate =>
        {
            if (failures.ContainsKey(candidate))
            {
                return false;
            }

            if (runs >= maxRuns)
            {
                return true;
            }

            runs++;
            var found = evaluate(candidate);
            if (found.Count == 0)
            {
                return true;
            }

            failures[candidate] = found;
            return false;
        });
        var runner = new ShrunkCaseRunner();
        Check.One(Config.Quick.WithMaxTest(1).WithRunner(runner), property);
        var minimal = runner.Shrunk is { } shrunk && failures.ContainsKey(shrunk) ? shrunk : failing;
        return (minimal, failures[minimal], runs);
    }

    /// <summary>An FsCheck runner that prints nothing and keeps the shrunk argument of a failed check.</summary>
    private sealed class ShrunkCaseRunner : IRunner
    {
        public ExplorationCase? Shrunk { get; private set; }

        public void OnStartFixture(Type t)
        {
        }

        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every)
        {
        }

        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink)
        {
        }

        public void OnFinished(string name, TestResult testResult)
        {
            if (testResult is TestResult.Failed failed)
            {
                Shrunk = failed.Item3.OfType<ExplorationCase>().FirstOrDefault();
            }
        }
    }
}
