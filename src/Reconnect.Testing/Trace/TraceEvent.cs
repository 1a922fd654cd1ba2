namespace Reconnect.Testing.Trace;

/// <summary>
/// One line of a simulation trace: something a peer's engine told its application, or something the world
/// did to it. Only <see cref="T"/>, <see cref="Peer"/> and <see cref="Event"/> are always present; the
/// other fields are set where the event kind has them (docs/trace.md lists which).
/// </summary>
/// <param name="T">Virtual milliseconds since the simulation started.</param>
/// <param name="Peer">The scenario name of the local peer the event belongs to, or <see cref="WorldPeer"/>.</param>
/// <param name="Event">The event kind, one of <see cref="TraceEventKind"/>.</param>
public sealed record TraceEvent(long T, string Peer, string Event)
{
    /// <summary>The <see cref="Peer"/> of a world event that concerns every peer, such as a heal of the whole call.</summary>
    public const string WorldPeer = "*";

    /// <summary>The state before a state change, in lower-case kebab form.</summary>
    public string? From { get; init; }

    /// <summary>The state after a state change, in lower-case kebab form.</summary>
    public string? To { get; init; }

    /// <summary>The remote peer's id.</summary>
    public string? Remote { get; init; }

    /// <summary>The identity of the RemotePeer object.</summary>
    public long? Ref { get; init; }

    /// <summary>The stream's id.</summary>
    public string? Stream { get; init; }

    /// <summary>The identity of the stream object.</summary>
    public long? StreamRef { get; init; }

    /// <summary>The media connection's generation.</summary>
    public int? Conn { get; init; }

    /// <summary>A close code.</summary>
    public int? Code { get; init; }

    /// <summary>Why: a state change's reason, an error's type name, a rule's wording.</summary>
    public string? Reason { get; init; }

    /// <summary>An attempt number or a count.</summary>
    public int? Attempt { get; init; }

    /// <summary>A duration in milliseconds: a retry delay, an elapsed time, a fault's length.</summary>
    public long? DelayMs { get; init; }

    /// <summary>Free text: an error message, an ignored input, a fault's description.</summary>
    public string? Detail { get; init; }
}
