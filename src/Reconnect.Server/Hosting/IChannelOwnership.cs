namespace Reconnect.Server.Hosting;

/// <summary>
/// The one seam that decides which channel loop owns a channel. This node owns every channel today; a backplane
/// (Redis) can later answer with a loop that forwards to the node owning the channel.
/// </summary>
internal interface IChannelOwnership
{
    /// <summary>Every loop of this node, in a fixed order.</summary>
    IReadOnlyList<ChannelLoop> Loops { get; }

    /// <summary>The loop that owns a channel; the same channel always gets the same loop.</summary>
    ChannelLoop OwnerOf(string channel);
}
