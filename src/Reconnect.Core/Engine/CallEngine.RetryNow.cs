using Reconnect.Core.Machines.Reconcile;
using Reconnect.Core.Policies;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>
/// Retry now (see <see cref="RetryNowRequested"/>): every pending retry wait is cut short by running its timer at once,
/// through the same machines a timer that fell due drives, so identities are kept and attempt counters go on counting.
/// </summary>
public sealed partial class CallEngine
{
    private const string RetryNowInput = "retry-now";

    private Instant? _lastRetryNow;

    /// <summary>How long until the rate limit takes a retry-now press; zero when it takes one now.</summary>
    private TimeSpan RetryNowAvailableIn => RetryNowLimit.AvailableIn(_now, _lastRetryNow, _options.RetryNowMinInterval);

    private void HandleRetryNow()
    {
        if (RetryNowAvailableIn > TimeSpan.Zero)
        {
            Ignore(RetryNowInput, $"rate-limited: the next retry-now is taken at {RetryNowLimit.NextAllowed(_lastRetryNow, _options.RetryNowMinInterval)}");
            return;
        }

        var waits = PendingRetryWaits();
        if (waits.Count == 0)
        {
            Ignore(RetryNowInput, "nothing is waiting to retry: no socket backoff, ICE restart wait or roster re-request is pending");
            return;
        }

        _lastRetryNow = _now;
        foreach (var wait in waits)
        {
            if (_timers.TakeEarly(wait.Kind, wait.Owner, _emit) is { } timer)
            {
                RunTimer(timer);
            }
        }
    }

    /// <summary>
    /// The retry waits armed now, in the order they are cut: the socket's backoff or offline probe, the reconcile's
    /// roster wait when its deadline would re-request (not raise the timeout or give the socket up), then each remote
    /// peer's ladder wait by id. A wait an earlier cut disarmed is skipped when its turn comes.
    /// </summary>
    private List<(TimerKind Kind, string Owner)> PendingRetryWaits()
    {
        List<(TimerKind Kind, string Owner)> waits = [(TimerKind.SocketRetry, string.Empty), (TimerKind.OfflineProbe, string.Empty)];
        if (_reconcileState == ReconcileState.AwaitingRoster ? ReconcileGuards.RetriesLeft : _reconcileState == ReconcileState.TimedOut && ReconcileGuards.TimedOutRequestsLeft)
        {
            waits.Add((TimerKind.ReconcileDeadline, string.Empty));
        }

        waits.AddRange(_peers.Keys.Select(id => (TimerKind.IceRestartDue, id)));
        return [.. waits.Where(w => _timers.IsArmed(w.Kind, w.Owner))];
    }
}
