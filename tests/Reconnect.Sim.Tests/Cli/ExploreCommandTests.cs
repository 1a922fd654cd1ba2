using Reconnect.Sim.Cli;

namespace Reconnect.Sim.Tests.Cli;

public sealed class ExploreCommandTests
{
    [Fact]
    public void Explore_runs_a_small_random_budget_and_ends_with_its_count_and_no_failures()
    {
        using var output = new StringWriter();

        var exit = ExploreCommand.Run(new ExploreCommand.Settings(2, 2, 5, false, null, 0x2a), output, TextWriter.Null);

        Assert.Equal(0, exit);
        Assert.Contains("schedules explored per minute:", output.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("explored 5 schedules (5 runs), 0 failures" + Environment.NewLine, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exhaustive_explore_honours_the_ordering_cap_it_is_given()
    {
        using var output = new StringWriter();

        var exit = ExploreCommand.Run(new ExploreCommand.Settings(2, 1, null, true, null, 1, MaxOrderings: 3), output, TextWriter.Null);

        Assert.Equal(0, exit);
        var counts = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"explored (\d+) schedules \((\d+) runs\), 0 failures");
        Assert.True(counts.Success, output.ToString());
        var schedules = int.Parse(counts.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var runs = int.Parse(counts.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(schedules >= 1 && runs > schedules && runs <= schedules * 3, output.ToString());
        Assert.DoesNotContain("cap of 64", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 2, null, false, 64, "--peers must be 2 or 3.")]
    [InlineData(2, 4, null, true, 64, "--faults must be 1 to 3 with --exhaustive.")]
    [InlineData(2, 2, 5, true, 64, "--seeds and --exhaustive cannot be used together.")]
    [InlineData(2, 2, 0, false, 64, "--seeds must be positive.")]
    [InlineData(2, 2, null, true, 0, "--max-orderings must be positive.")]
    public void Bad_settings_are_refused_with_exit_code_2_and_a_reason(int peers, int faults, int? seeds, bool exhaustive, int orderings, string reason)
    {
        using var errors = new StringWriter();

        var exit = ExploreCommand.Run(new ExploreCommand.Settings(peers, faults, seeds, exhaustive, null, 1, orderings), TextWriter.Null, errors);

        Assert.Equal(2, exit);
        Assert.Equal(reason + Environment.NewLine, errors.ToString());
    }
}
