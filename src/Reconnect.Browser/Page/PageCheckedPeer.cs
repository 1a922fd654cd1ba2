using Reconnect.Core.Engine;
using Reconnect.Testing.Checkers;

namespace Reconnect.Browser.Page;

/// <summary>The page's own peer as the simulator's invariant checker reads it between steps.</summary>
internal sealed class PageCheckedPeer(string name, CallEngine engine, Func<int> openConnections, Func<bool> signallingOpen) : ICheckedPeer
{
    public string Name => name;

    public CallEngine Engine => engine;

    /// <summary>A page never counts as asleep: a frozen page's clock is the browser's, and it is told it woke on resume.</summary>
    public bool IsAsleep => false;

    public int OpenMediaConnections => openConnections();

    public bool IsSignallingOpen => signallingOpen();
}
