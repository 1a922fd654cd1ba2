namespace Reconnect;

/// <summary>
/// A remote stream as one media connection carries it. The id is stable across reconnects; the object is not:
/// a rebuilt connection raises StreamAdded again with a new <see cref="RemoteStream"/> under the same id.
/// </summary>
public sealed class RemoteStream
{
    internal RemoteStream(RemotePeer peer, string id, long reference, int generation, object? media)
    {
        Peer = peer;
        Id = id;
        Ref = reference;
        Generation = generation;
        Media = media;
    }

    /// <summary>The peer that publishes it.</summary>
    public RemotePeer Peer { get; }

    /// <summary>The stream's id, stable across reconnects.</summary>
    public string Id { get; }

    /// <summary>The generation of the connection that carries this object.</summary>
    public int Generation { get; }

    /// <summary>
    /// The platform's handle to render (a browser <c>MediaStream</c> proxy), as the media port reported it with the
    /// stream on this connection; null when the port gave none.
    /// </summary>
    public object? Media { get; }

    /// <summary>The engine's identity of this stream object.</summary>
    internal long Ref { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Peer.Id}/{Id}#{Generation}";
}
