using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel;

/// <summary>
/// The signalling server's channel logic, sans-IO: connections, sessions, rosters, relaying and silence eviction.
/// Feed facts with <see cref="Handle"/>, then drain <see cref="PollOutput"/> until it returns null. It owns no
/// clock, thread or random source, so the simulator and the real server run the very same code.
/// </summary>
public sealed partial class ChannelServer
{
    private readonly ChannelServerOptions options;
    private readonly ITokenValidator tokens;
    private readonly Queue<ServerOutput> outbox = new();
    private readonly SortedDictionary<long, Connection> connections = [];
    private readonly Dictionary<string, int> connectionsPerAccount = new(StringComparer.Ordinal);
    private readonly ChannelDirectory directory = new();
    private readonly TerminalCloses terminalCloses;
    private readonly DepartureLog departures;
    private long sessionCounter;
    private long rosterVersion;
    private long timerCounter;
    private Instant now;

    /// <summary>Creates a server with validated options and a token validator.</summary>
    public ChannelServer(ChannelServerOptions options, ITokenValidator tokens)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        this.options = options.Validate();
        this.tokens = tokens;
        terminalCloses = new TerminalCloses(this.options.TerminalCloseCapacity);
        departures = new DepartureLog(this.options.DepartureMemory, this.options.DepartureCapacity);
    }

    /// <summary>The channels that hold at least one session, in ordinal order.</summary>
    public IReadOnlyList<string> Channels => directory.ChannelNames;

    /// <summary>Applies one input at <paramref name="now"/>, which must not go backwards.</summary>
    public void Handle(Instant now, ServerInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(now, this.now);
        if (input is AdminKick { CloseCode: not (CloseCodes.Normal or (>= 3000 and <= 4999)) } kick)
        {
            throw new ArgumentOutOfRangeException(nameof(input), kick.CloseCode, "A kick's close code must be 1000 or in 3000-4999.");
        }

        if (input is ServerShuttingDown { RetryAfterMs: < 0 } shutdown)
        {
            throw new ArgumentOutOfRangeException(nameof(input), shutdown.RetryAfterMs, "A retry hint must not be negative.");
        }

        this.now = now;
        switch (input)
        {
            case ConnectionOpened opened:
                OnConnectionOpened(opened);
                break;
            case ClientFrameReceived frame:
                OnFrameReceived(frame);
                break;
            case ConnectionClosed closed:
                OnConnectionClosed(closed);
                break;
            case ChannelTimerFired fired:
                OnTimerFired(fired.Timer);
                break;
            case AdminKick adminKick:
                OnAdminKick(adminKick);
                break;
            case ServerShuttingDown shuttingDown:
                OnServerShuttingDown(shuttingDown);
                break;
            case TokenExpired expired:
                OnTokenExpired(expired);
                break;
            default:
                throw new ArgumentException($"Unknown input {input.GetType().Name}.", nameof(input));
        }
    }

    /// <summary>The next output, or null when there is nothing left to do.</summary>
    public ServerOutput? PollOutput() => outbox.TryDequeue(out var output) ? output : null;

    /// <summary>Every session in a channel, attached or detached, ordered by peer id.</summary>
    public IReadOnlyList<RosterEntry> Roster(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return [.. directory.Members(channel).Select(s => s.Entry)];
    }

    /// <summary>True when the peer has a session in the channel that is attached to a connection.</summary>
    public bool IsAttached(string channel, string peerId)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(peerId);
        return directory.Find(channel, peerId) is { ConnectionId: not null };
    }

    private void OnConnectionOpened(ConnectionOpened opened)
    {
        var id = opened.ConnectionId;
        if (connections.ContainsKey(id))
        {
            Notice(ChannelNoticeKinds.Ignored, string.Empty, null, $"connection {id} is already open");
            return;
        }

        switch (tokens.Validate(opened.Token))
        {
            case TokenRejected rejected:
                Reject(id, rejected.CloseCode, string.Empty, null, "token refused");
                break;
            case TokenAccepted grant when AccountConnections(grant.Account) >= options.MaxConnectionsPerAccount:
                Reject(id, CloseCodes.OverCapacity, string.Empty, null, $"account {grant.Account} at its connection limit");
                break;
            case TokenAccepted grant:
                connections.Add(id, new Connection(id, grant));
                connectionsPerAccount[grant.Account] = AccountConnections(grant.Account) + 1;
                Notice(ChannelNoticeKinds.Accepted, string.Empty, null, $"connection {id} for account {grant.Account}");
                break;
            case var other:
                throw new InvalidOperationException($"The token validator returned {other?.GetType().Name ?? "null"}.");
        }
    }

    private void OnConnectionClosed(ConnectionClosed closed)
    {
        if (connections.TryGetValue(closed.ConnectionId, out var connection))
        {
            var session = connection.Session;
            Unregister(connection);
            if (session is not null)
            {
                Notice(ChannelNoticeKinds.Detached, session.Channel, session.PeerId, $"{session.Id} lost connection {closed.ConnectionId}");
                GoAway(session, PeerAwayReasons.SocketClosed, null);
            }
        }
    }

    private void OnTimerFired(ChannelTimerId timer)
    {
        if (directory.FindById(timer.SessionId) is not { } session || session.Timer != timer)
        {
            return;
        }

        if (now < SilenceDeadline(session))
        {
            CheckHeartbeat(session);
            return;
        }

        EndSession(session, PeerLeftReasons.NetworkDisconnect, CloseCodes.Normal, "evicted", new EvictedMessage(PeerLeftReasons.NetworkDisconnect));
        Notice(ChannelNoticeKinds.Evicted, session.Channel, session.PeerId, $"{session.Id} silent since {session.LastHeard}");
    }

    private void OnAdminKick(AdminKick kick)
    {
        if (directory.Find(kick.Channel, kick.PeerId) is not { } session)
        {
            Notice(ChannelNoticeKinds.Ignored, kick.Channel, kick.PeerId, "kick for a peer with no session");
            return;
        }

        if (CloseCodePolicy.Classify(kick.CloseCode).IsTerminal)
        {
            terminalCloses.Remember(session, kick.CloseCode, now, now + options.TerminalCloseMemory);
        }

        EndSession(session, PeerLeftReasons.Kicked, kick.CloseCode, PeerLeftReasons.Kicked, null);
        Notice(ChannelNoticeKinds.Kicked, session.Channel, session.PeerId, $"{session.Id} closed with {kick.CloseCode}");
    }

    private void OnServerShuttingDown(ServerShuttingDown shuttingDown)
    {
        foreach (var connection in connections.Values.ToList())
        {
            var session = connection.Session;
            Send(connection.Id, new GoingAwayMessage(CappedHint(shuttingDown.RetryAfterMs)));
            Close(connection, CloseCodes.ServiceRestart);
            Notice(ChannelNoticeKinds.GoingAway, session?.Channel ?? string.Empty, session?.PeerId, $"connection {connection.Id}");
        }
    }

    private void OnTokenExpired(TokenExpired expired)
    {
        if (!connections.TryGetValue(expired.ConnectionId, out var connection))
        {
            Notice(ChannelNoticeKinds.Ignored, string.Empty, null, $"token expiry for unknown connection {expired.ConnectionId}");
            return;
        }

        var session = connection.Session;
        Close(connection, CloseCodes.TokenExpired);
        Notice(ChannelNoticeKinds.TokenExpired, session?.Channel ?? string.Empty, session?.PeerId, $"connection {connection.Id}");
        if (session is not null)
        {
            GoAway(session, PeerAwayReasons.ClosedByServer, CloseCodes.TokenExpired);
        }
    }

    /// <summary>Removes a session: closes its connection (after an optional last word), cancels its timer, tells the others.</summary>
    private void EndSession(Session session, string peerLeftReason, int closeCode, string closeReason, ServerMessage? lastWord)
    {
        if (session.ConnectionId is { } connectionId)
        {
            if (lastWord is not null)
            {
                Send(connectionId, lastWord);
            }

            Close(connections[connectionId], closeCode, closeReason);
        }

        directory.Remove(session);
        departures.Add(session.Channel, new DepartedSession(session.PeerId, session.Id, peerLeftReason), now);
        outbox.Enqueue(new DisarmChannelTimer(session.Timer));
        Broadcast(session, new PeerLeftMessage(session.PeerId, session.Id, peerLeftReason, NextRosterVersion()));
    }

    /// <summary>Counts one roster change (a join, a leave, an update); events and snapshots carry the count so clients can order them.</summary>
    private long NextRosterVersion() => ++rosterVersion;

    /// <summary>When a silent session is evicted: the grace starts once its next heartbeat is overdue.</summary>
    private Instant SilenceDeadline(Session session) => session.LastHeard + session.HeartbeatAllowance + options.SilenceGrace;

    /// <summary>A retry hint cut to <see cref="ChannelServerOptions.MaxRetryHint"/>, so that honouring it never costs a client its session.</summary>
    private int? CappedHint(int? retryAfterMs) =>
        retryAfterMs is { } ms ? (int)Math.Min(ms, (long)options.MaxRetryHint.TotalMilliseconds) : null;

    private void ArmSilence(Session session, Instant due)
    {
        session.Timer = new ChannelTimerId(session.Id, ++timerCounter);
        session.TimerDue = due;
        outbox.Enqueue(new ArmChannelTimer(session.Timer, due));
    }

    /// <summary>Sends a message to every other attached session of the channel, in peer id order.</summary>
    private void Broadcast(Session from, ServerMessage message)
    {
        foreach (var member in directory.Members(from.Channel))
        {
            if (member != from && member.ConnectionId is { } connectionId)
            {
                Send(connectionId, message);
            }
        }
    }

    private void Send(long connectionId, ServerMessage message) => outbox.Enqueue(new SendFrame(connectionId, message));

    private void Close(Connection connection, int code) => Close(connection, code, CloseCodePolicy.Classify(code).Name);

    /// <summary>Forgets a connection, detaching its session, and asks the shell to close it.</summary>
    private void Close(Connection connection, int code, string reason)
    {
        Unregister(connection);
        outbox.Enqueue(new CloseConnection(connection.Id, code, reason));
    }

    /// <summary>Closes a connection that was never registered or is being refused, with a trace.</summary>
    private void Reject(long connectionId, int code, string channel, string? peerId, string why)
    {
        var reason = CloseCodePolicy.Classify(code).Name;
        if (connections.TryGetValue(connectionId, out var connection))
        {
            Close(connection, code, reason);
        }
        else
        {
            outbox.Enqueue(new CloseConnection(connectionId, code, reason));
        }

        Notice(ChannelNoticeKinds.Rejected, channel, peerId, $"connection {connectionId}: {code} {reason}: {why}");
    }

    private void Unregister(Connection connection)
    {
        connections.Remove(connection.Id);
        var remaining = AccountConnections(connection.Grant.Account) - 1;
        if (remaining == 0)
        {
            connectionsPerAccount.Remove(connection.Grant.Account);
        }
        else
        {
            connectionsPerAccount[connection.Grant.Account] = remaining;
        }

        if (connection.Session is { } session)
        {
            session.ConnectionId = null;
            connection.Session = null;
        }
    }

    private int AccountConnections(string account) => connectionsPerAccount.GetValueOrDefault(account);

    private void Notice(string kind, string channel, string? peerId, string detail) =>
        outbox.Enqueue(new ChannelNotice(kind, channel, peerId, detail));
}
