namespace Reconnect;

/// <summary>
/// The ladder of remedies after a remote peer's ICE restart ladder is spent, instead of closing the peer: a fresh
/// connection, then a socket resume, then a full rejoin as a new session, each taken only when the one before did not
/// heal within its bound. After the last step's bound a new round starts with a new ICE restart ladder, up to
/// <see cref="Rounds"/>; then the peer is closed with <c>EscalationExhausted</c>.
/// </summary>
public sealed record EscalationOptions
{
    /// <summary>
    /// How long a fresh connection (a new generation, renegotiated from scratch) may take to connect before the next
    /// step. Default 20 s: a new connection gathers and checks its candidates in a few seconds, and the connect timeout
    /// (15 s) already bounds a first connect; 5 s more covers the offer's round trip through the signalling.
    /// </summary>
    public TimeSpan FreshConnectionBound { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a socket resume may take to heal the media before the next step. Default 30 s: the socket's first
    /// retry (about 1 s), the welcome and the roster (a few seconds) and then the connection the reconcile rebuilds
    /// (the 15 s connect timeout), with room to spare.
    /// </summary>
    public TimeSpan SocketResumeBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a full rejoin as a new session may take to heal the media before the round ends. Default 30 s, for the
    /// same reasons as <see cref="SocketResumeBound"/>: a rejoin is a socket reconnect whose reconcile rebuilds every
    /// connection.
    /// </summary>
    public TimeSpan RejoinBound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The least time between two socket resumes the escalation makes, over the whole call. Default 60 s: a resume
    /// drops the signalling for every remote peer, so peers escalating together share one (a peer whose step falls
    /// inside the interval counts the recent resume as its own), and one broken peer cannot flap the socket.
    /// </summary>
    public TimeSpan SocketResumeMinInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The least time between two full rejoins the escalation makes, over the whole call. Default 5 min: a rejoin
    /// renegotiates every connection and shows the local peer to the others as a new session, the dearest step there
    /// is; once per round of the slowest peer is plenty.
    /// </summary>
    public TimeSpan RejoinMinInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many rounds (an ICE restart ladder, then the steps) a remote peer gets before it is closed with
    /// <c>EscalationExhausted</c>; a heal forgets the rounds. Default 3: a round lasts about 3.5 min with the default
    /// ladder, so a peer whose media stays broken while its signalling works is closed after about 11 min, long after
    /// any transient cause has passed. From 0 to 100; 0 turns escalation off: the peer is closed when its ladder is
    /// spent (the published behaviour of the best-known SDK, kept for comparison).
    /// </summary>
    public int Rounds { get; init; } = 3;
}
