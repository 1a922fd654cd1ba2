namespace Reconnect.Testing.Network;

/// <summary>Whether a signalling path can carry a frame right now.</summary>
internal enum SignallingPathState
{
    /// <summary>The frame gets through.</summary>
    Up,

    /// <summary>The path swallows packets silently (a blackhole, a cut): the frame is retransmitted later.</summary>
    Held,

    /// <summary>A host is offline or its route was reset: the frame is lost with the socket it belonged to.</summary>
    Dropped,
}
