using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>Something the channel server produces: an effect for the shell or a notice for traces.</summary>
public abstract record ServerOutput;

/// <summary>Send a message on a connection.</summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Message">The message.</param>
public sealed record SendFrame(long ConnectionId, ServerMessage Message) : ServerOutput;

/// <summary>Close a connection; the server has already forgotten it.</summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Code">The close code.</param>
/// <param name="Reason">The close reason.</param>
public sealed record CloseConnection(long ConnectionId, int Code, string Reason) : ServerOutput;

/// <summary>
/// A joined connection now holds a fresh token: the shell re-arms the connection's expiry on it (the old token's expiry
/// no longer applies) and revokes this token, not the old one, if the session is kicked.
/// </summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Token">The fresh token, already accepted.</param>
public sealed record TokenRenewed(long ConnectionId, string Token) : ServerOutput;

/// <summary>Arm a timer; answer with <see cref="ChannelTimerFired"/> once <paramref name="Due"/> is reached.</summary>
/// <param name="Timer">The timer.</param>
/// <param name="Due">When it fires.</param>
public sealed record ArmChannelTimer(ChannelTimerId Timer, Instant Due) : ServerOutput;

/// <summary>Disarm a timer; firing it anyway does nothing.</summary>
/// <param name="Timer">The timer.</param>
public sealed record DisarmChannelTimer(ChannelTimerId Timer) : ServerOutput;

/// <summary>A trace of what the server decided; see <see cref="ChannelNoticeKinds"/>.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Channel">The channel, or empty when the connection has not joined one.</param>
/// <param name="PeerId">The peer concerned, if known.</param>
/// <param name="Detail">A human-readable detail.</param>
public sealed record ChannelNotice(string Kind, string Channel, string? PeerId, string Detail) : ServerOutput;
