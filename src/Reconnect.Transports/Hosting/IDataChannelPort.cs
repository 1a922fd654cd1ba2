namespace Reconnect;

/// <summary>
/// The data-channel verbs of a media port, in W3C names, for the channels the app declares
/// (<see cref="DataChannelOptions.Channels"/>): the engine creates each on every connection generation and sends on it
/// once it is open. A media port that also implements this interface reports <c>DataChannelOpened</c> (W3C
/// <c>onopen</c>), <c>DataChannelClosed</c> (<c>onclose</c>) and <c>DataReceived</c> (<c>onmessage</c>), each with the
/// connection's generation. Both sides create the same labels (W3C <c>negotiated</c> channels), so no in-band
/// announcement is needed. A media port without it cannot carry declared channels: declaring some fails each create.
/// </summary>
public interface IDataChannelPort
{
    /// <summary>Creates a data channel on a connection (W3C <c>createDataChannel(label, init)</c>).</summary>
    void CreateDataChannel(string remotePeerId, int generation, string label, DataChannelInit init);

    /// <summary>Sends a message on an open data channel of a connection (W3C <c>send</c>); a closed connection or channel drops it.</summary>
    void Send(string remotePeerId, int generation, string label, ReadOnlyMemory<byte> payload);
}
