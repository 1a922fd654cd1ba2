using Reconnect.Core.Engine;
using Reconnect.Testing.Scenarios;

namespace Reconnect.Sim.Tests.Calls;

/// <summary>How a call ends after its fault: healed with every RemotePeer object kept, healed after a true leave and rejoin, or ended.</summary>
internal enum CallEnd
{
    KeepsIdentity,
    Rejoins,
    Ends,
}

/// <summary>
/// One fault case: what it injects into a <see cref="FaultedCall"/> and the effect it checks through the client API;
/// <see cref="AliceOptions"/> are alice's engine options when the case needs other than the defaults.
/// </summary>
internal sealed record FaultCase(FaultKind Kind, Func<FaultedCall, Task> Act, CallEnd End = CallEnd.KeepsIdentity)
{
    public ReconnectOptions? AliceOptions { get; init; }
}
