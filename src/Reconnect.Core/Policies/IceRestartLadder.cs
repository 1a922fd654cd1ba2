namespace Reconnect.Core.Policies;

/// <summary>
/// The ICE restart ladder of one remote peer: attempt at once, then after growing waits, until the
/// budget is spent. Pure: the engine keeps the attempt count.
/// </summary>
internal sealed class IceRestartLadder
{
    private readonly IceRestartLadderOptions _options;

    /// <summary>Creates the policy.</summary>
    public IceRestartLadder(IceRestartLadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The options in force.</summary>
    public IceRestartLadderOptions Options => _options;

    /// <summary>The number of restart attempts in one episode.</summary>
    public int MaxAttempts => _options.Delays.Count;

    /// <summary>The sum of the waits: how long the ladder spans before its last attempt.</summary>
    public TimeSpan TotalSpan => _options.Delays.Aggregate(TimeSpan.Zero, (a, b) => a + b);

    /// <summary>The wait before attempt <paramref name="attempt"/> (1-based), or null when the budget is spent.</summary>
    public TimeSpan? DelayBefore(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return attempt <= _options.Delays.Count ? _options.Delays[attempt - 1] : null;
    }
}
