namespace Reconnect.Core.Policies;

/// <summary>What becomes of a data-channel send.</summary>
internal enum DataSendDecision
{
    /// <summary>Hand it to the live connection now.</summary>
    SendNow,

    /// <summary>Queue it until the channel opens on the live connection.</summary>
    Enqueue,

    /// <summary>Fail it: the channel is not open and the options say to fail at once.</summary>
    RejectNotOpen,

    /// <summary>Fail it: the queue is full (the newest is rejected; the queued stay).</summary>
    RejectFull,
}

/// <summary>
/// The send rule of declared data channels: a message goes out at once only when its channel is open on the live
/// connection, the peer is connected and nothing waits ahead of it (so order is kept); otherwise it waits in a bounded
/// queue, or fails at once, by <see cref="DataChannelOptions.WhileNotOpen"/>. A full queue rejects the newest send.
/// </summary>
internal static class DataSendPolicy
{
    public static DataSendDecision Decide(bool open, int queued, DataChannelOptions options)
    {
        if (open && queued == 0)
        {
            return DataSendDecision.SendNow;
        }

        if (options.WhileNotOpen == DataSendMode.FailFast)
        {
            return DataSendDecision.RejectNotOpen;
        }

        return queued >= options.QueueCapacity ? DataSendDecision.RejectFull : DataSendDecision.Enqueue;
    }
}
