namespace Reconnect.Core.Engine;

/// <summary>
/// The user sent a message on a declared data channel to a remote peer. Sent at once when the channel is open on the
/// live connection and the peer is connected; otherwise queued or failed, by <see cref="DataChannelOptions.WhileNotOpen"/>.
/// Answered by a <see cref="DataSendAcceptedNotice"/> or an <see cref="ErrorRaisedNotice"/> carrying <see cref="DataSendFailed"/>.
/// </summary>
/// <param name="SendId">The caller's id for the send, echoed in its answer.</param>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Label">The declared channel's label.</param>
/// <param name="Payload">The message.</param>
public sealed record DataSendRequested(long SendId, string RemotePeerId, string Label, ReadOnlyMemory<byte> Payload) : EngineInput;

/// <summary>A data channel opened on a connection (W3C <c>onopen</c>).</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Label">The channel's label.</param>
public sealed record DataChannelOpened(string RemotePeerId, int Generation, string Label) : EngineInput;

/// <summary>A data channel closed on a connection (W3C <c>onclose</c>); sends queue until it opens on a connection again.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Label">The channel's label.</param>
public sealed record DataChannelClosed(string RemotePeerId, int Generation, string Label) : EngineInput;

/// <summary>A message arrived on a data channel (W3C <c>onmessage</c>).</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Payload">The message.</param>
public sealed record DataReceived(string RemotePeerId, int Generation, string Label, ReadOnlyMemory<byte> Payload) : EngineInput;

/// <summary>Create a data channel on a connection (W3C <c>createDataChannel</c>); report it with <see cref="DataChannelOpened"/>.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Init">How it delivers.</param>
public sealed record OpenDataChannel(string RemotePeerId, int Generation, string Label, DataChannelInit Init) : EngineEffect;

/// <summary>Send a message on an open data channel of a connection (W3C <c>send</c>).</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Payload">The message.</param>
public sealed record SendData(string RemotePeerId, int Generation, string Label, ReadOnlyMemory<byte> Payload) : EngineEffect;

/// <summary>A send was taken: handed to the live connection, or queued until its channel opens there.</summary>
/// <param name="SendId">The send's id.</param>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Queued">True when it waits in the queue; false when it was handed to the connection.</param>
public sealed record DataSendAcceptedNotice(long SendId, string RemotePeerId, string Label, bool Queued) : EngineNotice;

/// <summary>A message arrived from a remote peer on a data channel of its live connection.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Ref">The identity of the RemotePeer object.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Payload">The message.</param>
public sealed record DataReceivedNotice(string RemotePeerId, long Ref, string Label, ReadOnlyMemory<byte> Payload) : EngineNotice;
