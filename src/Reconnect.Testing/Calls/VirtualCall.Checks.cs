namespace Reconnect.Testing.Calls;

/// <summary>Checks: the simulator's safety invariants over the clients' engine notices and states.</summary>
public sealed partial class VirtualCall
{
    /// <summary>
    /// Every violation of the simulator's safety invariants so far (docs/invariants.md), each naming the invariant, the
    /// seed and the virtual time: checked on every notice a client's engine raises, and after every instant the call
    /// runs. A stream withdrawn by a client's app (or an <c>unpublish</c> fault) may be seen removed by the others.
    /// </summary>
    public IReadOnlyList<string> Violations
    {
        get
        {
            lock (_gate)
            {
                return [.. _checker.Violations];
            }
        }
    }

    /// <summary>Checks what must hold between instants; under the gate, after the clock ran.</summary>
    private void Check()
    {
        _checker.AfterStep(NowMs);
        _checker.SampleDeadlines(NowMs);
        foreach (var client in _inOrder)
        {
            _rollbacks.Look(client.Name, client.Media, NowMs);
        }
    }
}
