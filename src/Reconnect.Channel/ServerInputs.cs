using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>A fact the channel server is told about: a connection event, a timer or an operator command.</summary>
public abstract record ServerInput;

/// <summary>A client connection opened, carrying the token it presented.</summary>
/// <param name="ConnectionId">The connection; unique over the server's life.</param>
/// <param name="Token">The credential.</param>
public sealed record ConnectionOpened(long ConnectionId, string Token) : ServerInput;

/// <summary>A text frame arrived on a connection.</summary>
/// <param name="ConnectionId">The connection.</param>
/// <param name="Text">The frame's text, not yet decoded.</param>
public sealed record ClientFrameReceived(long ConnectionId, string Text) : ServerInput;

/// <summary>A connection closed or dropped.</summary>
/// <param name="ConnectionId">The connection.</param>
public sealed record ConnectionClosed(long ConnectionId) : ServerInput;

/// <summary>A timer the server asked for with <see cref="ArmChannelTimer"/> reached its due time.</summary>
/// <param name="Timer">The timer.</param>
public sealed record ChannelTimerFired(ChannelTimerId Timer) : ServerInput;

/// <summary>An operator removes a peer from a channel.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="PeerId">The peer.</param>
/// <param name="CloseCode">The close code the peer's connection gets: 1000 or 3000 to 4999.</param>
public sealed record AdminKick(string Channel, string PeerId, int CloseCode) : ServerInput;

/// <summary>The server is restarting gracefully: every connection is told and closed, sessions are kept for resume.</summary>
/// <param name="RetryAfterMs">The earliest retry hint for clients, in milliseconds, if any.</param>
public sealed record ServerShuttingDown(int? RetryAfterMs) : ServerInput;

/// <summary>The token a connection presented has expired.</summary>
/// <param name="ConnectionId">The connection.</param>
public sealed record TokenExpired(long ConnectionId) : ServerInput;
