namespace Reconnect.Transports.InMemory;

/// <summary>What in-memory media connections send each other.</summary>
public enum MediaPacketKind
{
    /// <summary>An ICE connectivity check.</summary>
    Check,

    /// <summary>The answer to a check.</summary>
    CheckResponse,

    /// <summary>A sequence-numbered media frame.</summary>
    Frame,

    /// <summary>A data-channel message: <see cref="MediaPacket.Label"/>, its sequence and <see cref="MediaPacket.Payload"/>.</summary>
    Data,

    /// <summary>A data-channel acknowledgement: every message of <see cref="MediaPacket.Label"/> up to its sequence arrived.</summary>
    DataAck,
}

/// <summary>A media packet between two ICE agents, addressed by their ufrags.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="FromUfrag">The sender's ufrag.</param>
/// <param name="ToUfrag">The receiver's ufrag.</param>
/// <param name="FromAddress">The sender's bound address.</param>
/// <param name="Sequence">The frame's sequence number.</param>
/// <param name="StreamIds">The streams the frame carries.</param>
public sealed record MediaPacket(MediaPacketKind Kind, string FromUfrag, string ToUfrag, string FromAddress, long Sequence, IReadOnlyList<string> StreamIds)
{
    /// <summary>The data channel a <see cref="MediaPacketKind.Data"/> or <see cref="MediaPacketKind.DataAck"/> packet belongs to; empty otherwise.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>The message a <see cref="MediaPacketKind.Data"/> packet carries; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Payload { get; init; }
}
