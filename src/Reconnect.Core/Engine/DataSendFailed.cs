using Reconnect.Core.Engine;

namespace Reconnect;

/// <summary>Why a data-channel message was not delivered.</summary>
public enum DataSendFailure
{
    /// <summary>The channel is not open on the live connection and the options say to fail at once (<see cref="DataSendMode.FailFast"/>).</summary>
    ChannelNotOpen,

    /// <summary>The queue for the peer and channel is full (<see cref="DataChannelOptions.QueueCapacity"/>); the newest send is rejected.</summary>
    QueueFull,

    /// <summary>The remote peer truly left (or a new session of it replaced the old one); its queued messages are dropped.</summary>
    PeerLeft,

    /// <summary>No remote peer with this id is in the channel.</summary>
    UnknownPeer,

    /// <summary>The label is not among the declared channels (<see cref="DataChannelOptions.Channels"/>).</summary>
    UndeclaredChannel,

    /// <summary>The local peer left the channel or the client closed; queued messages are dropped.</summary>
    CallEnded,
}

/// <summary>A data-channel message was not delivered: rejected at once, or dropped from its queue.</summary>
/// <param name="SendId">The send's id, as given in <see cref="DataSendRequested"/>.</param>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Label">The channel's label.</param>
/// <param name="Reason">Why.</param>
public sealed record DataSendFailed(long SendId, string RemotePeerId, string Label, DataSendFailure Reason)
    : ReconnectError($"A message on data channel '{Label}' to {RemotePeerId} was not delivered: {Reason}.");
