using Reconnect.Core.Engine;
using Reconnect.Testing.Checkers;

namespace Reconnect.Browser.Harness.Traces;

/// <summary>
/// A page's peer as the invariant checker sees it during a replay of the page's trace: its name and an engine with the
/// page's options (the defaults) that is never driven, so the checks that read a live engine between steps (armed
/// timers, open connections, deadlines of its states) find nothing; the checks over the notices all run.
/// </summary>
public sealed class ReplayedPeer(string name) : ICheckedPeer
{
    public string Name { get; } = name;

    public CallEngine Engine { get; } = new(new ReconnectOptions(), seed: 0);

    public bool IsAsleep => false;

    public int OpenMediaConnections => 0;

    public bool IsSignallingOpen => false;
}
