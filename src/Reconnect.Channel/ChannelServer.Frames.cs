using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel;

/// <summary>The frames a client sends: decoding, join and resume, and the messages of a joined session.</summary>
public sealed partial class ChannelServer
{
    private void OnFrameReceived(ClientFrameReceived frame)
    {
        if (!connections.TryGetValue(frame.ConnectionId, out var connection))
        {
            Notice(ChannelNoticeKinds.Ignored, string.Empty, null, $"frame on unknown connection {frame.ConnectionId}");
            return;
        }

        var session = connection.Session;
        if (session is not null)
        {
            session.LastHeard = now;
            ComeBack(session);
        }

        if (!ProtocolCodec.TryDecodeClientMessage(frame.Text, out var message, out var error))
        {
            Malformed(connection, error);
            return;
        }

        if (MissingFields(message) is { } problem)
        {
            Malformed(connection, problem);
            return;
        }

        if (message is JoinMessage join)
        {
            OnJoin(connection, join);
            return;
        }

        if (session is null)
        {
            Notice(ChannelNoticeKinds.Ignored, string.Empty, null, $"connection {connection.Id}: {message.GetType().Name} before join");
            return;
        }

        switch (message)
        {
            case LeaveMessage:
                EndSession(session, PeerLeftReasons.Left, CloseCodes.Normal, PeerLeftReasons.Left, null);
                Notice(ChannelNoticeKinds.Left, session.Channel, session.PeerId, session.Id);
                break;
            case RosterRequestMessage request:
                Send(connection.Id, new RosterMessage(
                    request.RequestId,
                    [.. directory.Members(session.Channel).Where(m => m != session).Select(m => m.Entry)],
                    rosterVersion,
                    departures.In(session.Channel, now)));
                break;
            case PingMessage ping:
                Send(connection.Id, new PongMessage(ping.Sequence));
                break;
            case RelaySignalMessage relay:
                OnRelay(session, relay);
                break;
            case PublishStreamMessage publish:
                Update(session, session.Metadata, RosterValues.Publish(session.Streams, publish.Stream));
                break;
            case UnpublishStreamMessage unpublish:
                Update(session, session.Metadata, RosterValues.Unpublish(session.Streams, unpublish.StreamId));
                break;
            case RefreshTokenMessage refresh:
                OnRefreshToken(connection, session, refresh.Token);
                break;
            default:
                Notice(ChannelNoticeKinds.Ignored, session.Channel, session.PeerId, $"unsupported {message.GetType().Name}");
                break;
        }
    }

    private void OnJoin(Connection connection, JoinMessage join)
    {
        if (connection.Session is { } current)
        {
            Notice(ChannelNoticeKinds.Ignored, current.Channel, current.PeerId, $"connection {connection.Id}: join while joined as {current.Id}");
            return;
        }

        if (!connection.Grant.AllowsPeer(join.PeerId))
        {
            Reject(connection.Id, CloseCodes.InvalidToken, join.Channel, join.PeerId, $"token is for peer {connection.Grant.PeerId}");
            return;
        }

        if (!connection.Grant.Allows(join.Channel))
        {
            Reject(connection.Id, CloseCodes.ChannelNotAuthorized, join.Channel, join.PeerId, $"token allows {connection.Grant.ChannelPattern}");
            return;
        }

        if (join.ResumeSessionId is null)
        {
            StartSession(connection, join);
        }
        else if (terminalCloses.CodeFor(join.ResumeSessionId, join.Channel, join.PeerId, connection.Grant.Account, now) is { } code)
        {
            Reject(connection.Id, code, join.Channel, join.PeerId, $"session {join.ResumeSessionId} was closed for good");
        }
        else if (directory.FindById(join.ResumeSessionId) is { } session
            && session.Channel == join.Channel
            && session.PeerId == join.PeerId
            && session.Account == connection.Grant.Account)
        {
            Resume(connection, session, join);
        }
        else
        {
            var ended = departures.Find(join.Channel, join.ResumeSessionId, now);
            Send(connection.Id, new EvictedMessage(ended is { } e && e.PeerId == join.PeerId ? e.Reason : PeerLeftReasons.NetworkDisconnect));
            Notice(ChannelNoticeKinds.ResumeRefused, join.Channel, join.PeerId, $"no live session {join.ResumeSessionId}");
        }
    }

    private void StartSession(Connection connection, JoinMessage join)
    {
        var existing = directory.Find(join.Channel, join.PeerId);
        if (directory.Count(join.Channel) - (existing is null ? 0 : 1) >= options.RosterCapacity)
        {
            Reject(connection.Id, CloseCodes.OverCapacity, join.Channel, join.PeerId, $"channel full at {options.RosterCapacity}");
            return;
        }

        if (existing is not null)
        {
            EndSession(existing, PeerLeftReasons.Replaced, CloseCodes.Normal, PeerLeftReasons.Replaced, null);
            Notice(ChannelNoticeKinds.Replaced, existing.Channel, existing.PeerId, existing.Id);
        }

        var session = new Session($"{options.SessionIdPrefix}{++sessionCounter}", join.Channel, join.PeerId, connection.Grant.Account)
        {
            Metadata = RosterValues.Metadata(join.Metadata),
            Streams = RosterValues.Streams(join.Streams),
            LastHeard = now,
            HeartbeatAllowance = HeartbeatAllowance(join),
        };
        directory.Add(session);
        Attach(connection, session);
        ArmSilence(session, NextCheck(session));
        Send(connection.Id, Welcome(session, resumed: false));
        Broadcast(session, new PeerJoinedMessage(session.Entry, NextRosterVersion(), departures.LatestOf(session.Channel, session.PeerId, now)));
        Notice(ChannelNoticeKinds.Joined, session.Channel, session.PeerId, $"{session.Id} on connection {connection.Id}");
    }

    private void Resume(Connection connection, Session session, JoinMessage join)
    {
        if (session.ConnectionId is { } previous)
        {
            Close(connections[previous], CloseCodes.Normal, PeerLeftReasons.Replaced);
        }

        Attach(connection, session);
        session.LastHeard = now;
        session.HeartbeatAllowance = HeartbeatAllowance(join);
        Send(connection.Id, Welcome(session, resumed: true));
        Notice(ChannelNoticeKinds.Resumed, session.Channel, session.PeerId, $"{session.Id} on connection {connection.Id}");
        ComeBack(session);
        ArmSooner(session);
        Update(session, RosterValues.Metadata(join.Metadata), RosterValues.Streams(join.Streams));
    }

    private void OnRelay(Session session, RelaySignalMessage relay)
    {
        var target = relay.To == session.PeerId ? null : directory.Find(session.Channel, relay.To);
        if (target?.ConnectionId is { } targetConnection)
        {
            Send(targetConnection, new SignalRelayedMessage(session.PeerId, relay.Payload));
            Notice(ChannelNoticeKinds.Relayed, session.Channel, session.PeerId, $"to {relay.To}");
        }
        else
        {
            var why = target is null ? "unknown" : "detached";
            Notice(ChannelNoticeKinds.Dropped, session.Channel, session.PeerId, $"to {relay.To}: target {why}");
        }
    }

    /// <summary>Applies new roster values; when they differ, the others get the peer as it is now.</summary>
    private void Update(Session session, IReadOnlyDictionary<string, string> metadata, IReadOnlyList<StreamInfo> streams)
    {
        if (MetadataEquality.Same(session.Metadata, metadata) && session.Streams.SequenceEqual(streams))
        {
            return;
        }

        session.Metadata = metadata;
        session.Streams = streams;
        Broadcast(session, new PeerUpdatedMessage(session.Entry, NextRosterVersion()));
        Notice(ChannelNoticeKinds.Updated, session.Channel, session.PeerId, $"{streams.Count} streams");
    }

    /// <summary>Names what a decoded message lacks (the codec accepts empty strings and, inside collections, nulls).</summary>
    private static string? MissingFields(ClientMessage message) => message switch
    {
        JoinMessage join when join is not { Channel.Length: > 0, PeerId.Length: > 0, Metadata: not null, Streams: not null }
            || join.Streams.Any(s => s is not { StreamId.Length: > 0, Metadata: not null }) => "join with missing fields",
        JoinMessage { PingIntervalMs: < 0 } => "join with a negative ping interval",
        RelaySignalMessage relay when relay is not { To.Length: > 0, Payload: not null } => "signal with missing fields",
        PublishStreamMessage publish when publish.Stream is not { StreamId.Length: > 0, Metadata: not null } => "publish with missing fields",
        UnpublishStreamMessage { StreamId.Length: 0 } => "unpublish with an empty stream id",
        RefreshTokenMessage { Token: null or { Length: 0 } } => "refresh-token with no token",
        _ => null,
    };

    private WelcomeMessage Welcome(Session session, bool resumed) =>
        new(session.PeerId, session.Id, resumed, (long)options.SilenceGrace.TotalMilliseconds);

    /// <summary>The client's announced ping interval, capped by <see cref="ChannelServerOptions.MaxHeartbeatAllowance"/>; zero when it announced none.</summary>
    private TimeSpan HeartbeatAllowance(JoinMessage join) =>
        TimeSpan.FromMilliseconds(Math.Min(join.PingIntervalMs ?? 0, (long)options.MaxHeartbeatAllowance.TotalMilliseconds));

    private static void Attach(Connection connection, Session session)
    {
        connection.Session = session;
        session.ConnectionId = connection.Id;
    }

    private void Malformed(Connection connection, string why)
    {
        var session = connection.Session;
        Notice(ChannelNoticeKinds.Malformed, session?.Channel ?? string.Empty, session?.PeerId, $"connection {connection.Id}: {why}");
    }
}
