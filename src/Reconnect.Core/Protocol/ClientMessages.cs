using System.Text.Json.Serialization;

namespace Reconnect.Core.Protocol;

/// <summary>A message a client sends to the signalling server.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(JoinMessage), "join")]
[JsonDerivedType(typeof(LeaveMessage), "leave")]
[JsonDerivedType(typeof(RosterRequestMessage), "roster-request")]
[JsonDerivedType(typeof(RelaySignalMessage), "signal")]
[JsonDerivedType(typeof(PingMessage), "ping")]
[JsonDerivedType(typeof(PublishStreamMessage), "publish")]
[JsonDerivedType(typeof(UnpublishStreamMessage), "unpublish")]
[JsonDerivedType(typeof(RefreshTokenMessage), "refresh-token")]
public abstract record ClientMessage;

/// <summary>Joins a channel, or resumes a session after a drop.</summary>
/// <param name="Channel">The channel's name.</param>
/// <param name="PeerId">The joining peer's id.</param>
/// <param name="Metadata">The peer's application metadata.</param>
/// <param name="Streams">The streams the peer publishes.</param>
/// <param name="ResumeSessionId">The session to resume after a drop, if any.</param>
/// <param name="PingIntervalMs">
/// How often the client pings, in milliseconds: the server starts its silence grace only once a heartbeat is overdue,
/// so a drop is survived alike wherever it falls in the ping cycle. Null from a client that does not say.
/// </param>
public sealed record JoinMessage(
    string Channel,
    string PeerId,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<StreamInfo> Streams,
    string? ResumeSessionId,
    long? PingIntervalMs = null) : ClientMessage;

/// <summary>Leaves the channel for good.</summary>
public sealed record LeaveMessage : ClientMessage;

/// <summary>Asks for a full roster snapshot.</summary>
/// <param name="RequestId">Echoed in the answering roster.</param>
public sealed record RosterRequestMessage(int RequestId) : ClientMessage;

/// <summary>Asks the server to relay a signal to another peer.</summary>
/// <param name="To">The receiving peer's id.</param>
/// <param name="Payload">The signal.</param>
public sealed record RelaySignalMessage(string To, SignalPayload Payload) : ClientMessage;

/// <summary>An application-level ping.</summary>
/// <param name="Sequence">Echoed in the pong.</param>
public sealed record PingMessage(long Sequence) : ClientMessage;

/// <summary>Announces a newly published stream.</summary>
/// <param name="Stream">The stream.</param>
public sealed record PublishStreamMessage(StreamInfo Stream) : ClientMessage;

/// <summary>Withdraws a published stream.</summary>
/// <param name="StreamId">The stream's id.</param>
public sealed record UnpublishStreamMessage(string StreamId) : ClientMessage;

/// <summary>Hands the server a fresh token for the open socket before the one it opened with expires.</summary>
/// <param name="Token">The fresh credential; it must name the same account, and allow the joined channel.</param>
public sealed record RefreshTokenMessage(string Token) : ClientMessage;
