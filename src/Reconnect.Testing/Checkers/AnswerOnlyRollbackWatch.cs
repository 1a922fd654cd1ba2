using Reconnect.Transports.InMemory;

namespace Reconnect.Testing.Checkers;

/// <summary>
/// Reports each in-memory media connection that rolled its own offer back having only answered
/// (<see cref="InMemoryMediaPort.AnswerOnlyRollbacks"/>) to the invariant checker, once: like Chromium's, such a
/// connection never shows its remote video again, so the engine must never make that side yield in glare.
/// </summary>
internal sealed class AnswerOnlyRollbackWatch(InvariantChecker checker)
{
    private readonly Dictionary<InMemoryMediaPort, int> _reported = [];

    /// <summary>Reports the rollbacks the participant's media layer made since the last look.</summary>
    public void Look(string peer, InMemoryMediaPort? media, long nowMs)
    {
        if (media is null)
        {
            return;
        }

        var rollbacks = media.AnswerOnlyRollbacks;
        for (var i = _reported.GetValueOrDefault(media); i < rollbacks.Count; i++)
        {
            checker.OnAnswerOnlyRollback(peer, rollbacks[i].RemotePeerId, rollbacks[i].Generation, nowMs);
        }

        _reported[media] = rollbacks.Count;
    }
}
