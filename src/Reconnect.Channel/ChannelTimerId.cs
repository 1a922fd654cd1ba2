namespace Reconnect.Channel;

/// <summary>Names one armed silence timer. A fired timer whose id is no longer armed is ignored by rule.</summary>
/// <param name="SessionId">The session the timer watches.</param>
/// <param name="Sequence">A number unique over the server's life.</param>
public readonly record struct ChannelTimerId(string SessionId, long Sequence)
{
    /// <inheritdoc />
    public override string ToString() => $"Silence({SessionId})#{Sequence}";
}
