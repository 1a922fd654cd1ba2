namespace Reconnect.Channel;

/// <summary>The outcome of checking a token.</summary>
public abstract record TokenCheck;

/// <summary>The token is good for an account, the channels its pattern allows and the peer id it names.</summary>
/// <param name="Account">The account the token belongs to.</param>
/// <param name="ChannelPattern">
/// The channels allowed: null for any, a name ending in <c>*</c> for every channel with that prefix, otherwise exactly one.
/// </param>
/// <param name="PeerId">The only peer id a join may use, or null for any.</param>
public sealed record TokenAccepted(string Account, string? ChannelPattern, string? PeerId = null) : TokenCheck
{
    /// <summary>True when the grant lets a session use the peer id.</summary>
    public bool AllowsPeer(string peerId) => PeerId is null || string.Equals(PeerId, peerId, StringComparison.Ordinal);

    /// <summary>True when the grant covers the channel.</summary>
    public bool Allows(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return ChannelPattern switch
        {
            null => true,
            [.. var prefix, '*'] => channel.StartsWith(prefix, StringComparison.Ordinal),
            _ => string.Equals(channel, ChannelPattern, StringComparison.Ordinal),
        };
    }
}

/// <summary>The token is refused; the connection is closed with the code.</summary>
/// <param name="CloseCode">The close code, such as 4001 (invalid), 4002 (expired) or 4004 (suspended).</param>
public sealed record TokenRejected(int CloseCode) : TokenCheck;
