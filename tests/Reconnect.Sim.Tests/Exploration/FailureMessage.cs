using Reconnect.Testing.Exploration;

namespace Reconnect.Sim.Tests.Exploration;

/// <summary>The assertion message of an exploration: each failure (seed first, then the minimal scenario), then the summary.</summary>
internal static class FailureMessage
{
    public static string Of(ExploreResult result) =>
        string.Concat(result.Failures.Select(f => f.Describe())) + result.Summary;
}
