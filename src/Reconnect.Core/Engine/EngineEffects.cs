using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Core.Engine;

/// <summary>Something the engine produces: an effect for a port or a notice for the application.</summary>
public abstract record EngineOutput;

/// <summary>An imperative request to a port (token provider, socket, media, timers).</summary>
public abstract record EngineEffect : EngineOutput;

/// <summary>Call the token provider; answer with <see cref="TokenFetched"/> or <see cref="TokenFetchFailed"/>.</summary>
/// <param name="Attempt">Echo this in the answer.</param>
public sealed record FetchToken(long Attempt) : EngineEffect;

/// <summary>Open the signalling socket of a new epoch.</summary>
/// <param name="Epoch">The socket's epoch; every input about it carries this.</param>
/// <param name="Token">The credential.</param>
/// <param name="Route">Where to open it, as the token's grant said; null for the configured endpoint and headers.</param>
public sealed record OpenSocket(long Epoch, string Token, SignallingRoute? Route = null) : EngineEffect;

/// <summary>Close the socket of an epoch, once the frames already sent on it are flushed or <paramref name="FlushWithin"/> has passed.</summary>
/// <param name="Epoch">The socket's epoch.</param>
/// <param name="Code">The close code.</param>
/// <param name="Reason">The close reason.</param>
/// <param name="FlushWithin">How long the close may wait for sent frames (a leave) to leave; zero for a socket declared dead.</param>
public sealed record CloseSocket(long Epoch, int Code, string Reason, TimeSpan FlushWithin = default) : EngineEffect;

/// <summary>Send a message on the socket of an epoch.</summary>
/// <param name="Epoch">The socket's epoch.</param>
/// <param name="Message">The message.</param>
public sealed record SendMessage(long Epoch, ClientMessage Message) : EngineEffect;

/// <summary>Create a media connection to a remote peer.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation; every input about it carries this.</param>
/// <param name="IceServers">The STUN/TURN servers in force.</param>
/// <param name="Polite">True when the local side yields in glare.</param>
/// <param name="LocalStreams">The local streams to attach.</param>
public sealed record CreateConnection(
    string RemotePeerId,
    int Generation,
    IReadOnlyList<IceServer> IceServers,
    bool Polite,
    IReadOnlyList<StreamInfo> LocalStreams) : EngineEffect;

/// <summary>Create an offer on a connection; answer with <see cref="LocalDescriptionCreated"/>.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
public sealed record CreateOffer(string RemotePeerId, int Generation) : EngineEffect;

/// <summary>Restart ICE on a connection (W3C <c>restartIce()</c>): the next offer created carries new ICE credentials.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
public sealed record RestartIce(string RemotePeerId, int Generation) : EngineEffect;

/// <summary>Apply a local description the connection created; answer with <see cref="LocalDescriptionApplied"/>.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Description">The description to apply.</param>
public sealed record SetLocalDescription(string RemotePeerId, int Generation, SessionDescription Description) : EngineEffect;

/// <summary>Create an answer to the remote offer just set; answer with <see cref="LocalDescriptionCreated"/>.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
public sealed record CreateAnswer(string RemotePeerId, int Generation) : EngineEffect;

/// <summary>Set the remote description; an offer in have-local-offer rolls the local offer back first.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Description">The description.</param>
public sealed record SetRemoteDescription(string RemotePeerId, int Generation, SessionDescription Description) : EngineEffect;

/// <summary>Add a remote candidate.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Candidate">The candidate.</param>
public sealed record AddIceCandidate(string RemotePeerId, int Generation, IceCandidate Candidate) : EngineEffect;

/// <summary>Attach a local stream to a live connection.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="Stream">The stream.</param>
public sealed record AttachLocalStream(string RemotePeerId, int Generation, StreamInfo Stream) : EngineEffect;

/// <summary>Detach a local stream from a live connection.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="StreamId">The stream's id.</param>
public sealed record DetachLocalStream(string RemotePeerId, int Generation, string StreamId) : EngineEffect;

/// <summary>Replace the track of a local stream on a live connection, without renegotiation.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
/// <param name="StreamId">The stream's id.</param>
/// <param name="TrackId">The new track's id.</param>
public sealed record ReplaceTrack(string RemotePeerId, int Generation, string StreamId, string TrackId) : EngineEffect;

/// <summary>Close a media connection.</summary>
/// <param name="RemotePeerId">The remote peer.</param>
/// <param name="Generation">The connection's generation.</param>
public sealed record CloseConnection(string RemotePeerId, int Generation) : EngineEffect;

/// <summary>Arm a timer; when it fires, answer with <see cref="TimerFired"/>.</summary>
/// <param name="Timer">The timer.</param>
/// <param name="Due">When it is due.</param>
public sealed record StartTimer(TimerId Timer, Instant Due) : EngineEffect;

/// <summary>Disarm a timer.</summary>
/// <param name="Timer">The timer.</param>
public sealed record CancelTimer(TimerId Timer) : EngineEffect;
