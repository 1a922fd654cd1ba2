namespace Reconnect.Core.Engine;

/// <summary>A message waiting for its channel to open on the live connection.</summary>
internal readonly record struct PendingData(long SendId, ReadOnlyMemory<byte> Payload);

/// <summary>One declared data channel to one remote peer: where it is open and what waits for it.</summary>
internal sealed class DataLane(DeclaredDataChannel channel)
{
    public DeclaredDataChannel Channel { get; } = channel;

    /// <summary>The connection generation the channel last opened on; 0 when it is not open on any.</summary>
    public int OpenGeneration { get; set; }

    /// <summary>The sends waiting, oldest first.</summary>
    public Queue<PendingData> Waiting { get; } = new();
}
