namespace Reconnect.Core.Engine;

/// <summary>
/// Why a remote peer's ladder heals by a completed offer/answer exchange rather than by an ICE state: it started while
/// ICE said connected, and ICE keeps saying so through a restart over a path that still works.
/// </summary>
internal enum NegotiatedHeal
{
    /// <summary>A media verb (an offer, an answer, a description) failed on the connection.</summary>
    AfterMediaFailure,

    /// <summary>The local address changed (the network monitor said so) and ICE was restarted to gather on the new one.</summary>
    AfterAddressChange,
}
