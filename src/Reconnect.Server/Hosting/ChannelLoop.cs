using System.Threading.Channels;
using Reconnect.Channel;
using Reconnect.Core.Policies;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;
using Reconnect.Server.Auth;
using Reconnect.Server.Signalling;

namespace Reconnect.Server.Hosting;

/// <summary>
/// Drives one <see cref="ChannelServer"/> from one single-reader queue: connections, frames, timers and operator
/// commands are posted to it; only its reader touches the channel logic. The logic's timers become
/// <see cref="TimeProvider"/> timers that post back; its sends go to each connection's bounded outbound queue, so a
/// slow client never blocks the loop. Inputs are bounded upstream (frame rate per connection, connections per
/// address and account), so the queue itself is unbounded and posting never blocks a timer or a socket.
/// </summary>
internal sealed class ChannelLoop
{
    private readonly ChannelServer server;
    private readonly JwtTokens tokens;
    private readonly TokenRevocations revocations;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly long start;
    private readonly Channel<LoopWork> inbox = System.Threading.Channels.Channel.CreateUnbounded<LoopWork>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<long, SignalConnection> connections = [];
    private readonly Dictionary<ChannelTimerId, ITimer> timers = [];
    private readonly Queue<ServerInput> followUps = new();
    private readonly SessionTokens sessionTokens = new();
    private Task running = Task.CompletedTask;

    /// <summary>Creates a loop over its own channel logic.</summary>
    public ChannelLoop(int index, ChannelServer server, JwtTokens tokens, TokenRevocations revocations, TimeProvider time, ILogger logger)
    {
        Index = index;
        this.server = server;
        this.tokens = tokens;
        this.revocations = revocations;
        this.time = time;
        this.logger = logger;
        start = time.GetTimestamp();
    }

    /// <summary>The loop's place among its node's loops.</summary>
    public int Index { get; }

    /// <summary>Starts reading the queue.</summary>
    public void Start() => running = Task.Run(RunAsync);

    /// <summary>Stops taking work and waits for the queue to drain.</summary>
    public Task StopAsync()
    {
        inbox.Writer.TryComplete();
        return running;
    }

    /// <summary>Posts a fact for the channel logic.</summary>
    public void Post(ServerInput input) => inbox.Writer.TryWrite(new LoopWork.Input(input));

    /// <summary>Hands a connection whose join names one of this loop's channels to the logic, with that join.</summary>
    public void Attach(SignalConnection connection, string joinFrame) => inbox.Writer.TryWrite(new LoopWork.Attach(connection, joinFrame));

    /// <summary>Reads the channel logic on the loop, for the admin API.</summary>
    public Task<T> QueryAsync<T>(Func<ChannelServer, T> read)
    {
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!inbox.Writer.TryWrite(new LoopWork.Query(() =>
            {
                try
                {
                    answer.TrySetResult(read(server));
                }
                catch (Exception ex)
                {
                    answer.TrySetException(ex);
                    throw;
                }
            })))
        {
            answer.TrySetCanceled();
        }

        return answer.Task;
    }

    /// <summary>Kicks a peer; true when it had a session. A terminal code also revokes the token of its connection.</summary>
    public Task<bool> KickAsync(AdminKick kick) => QueryAsync(_ =>
    {
        var present = server.Roster(kick.Channel).Any(p => p.PeerId == kick.PeerId);
        Handle(kick);
        return present;
    });

    private async Task RunAsync()
    {
        await foreach (var work in inbox.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Do(work);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ServerLog.LoopFailed(logger, Index, work.GetType().Name, ex);
            }
        }

        foreach (var timer in timers.Values)
        {
            timer.Dispose();
        }
    }

    private void Do(LoopWork work)
    {
        switch (work)
        {
            case LoopWork.Input { Value: var input }:
                Handle(input);
                break;
            case LoopWork.Attach attach:
                connections[attach.Connection.Id] = attach.Connection;
                attach.Connection.ArmTokenExpiry(() => Post(new TokenExpired(attach.Connection.Id)));
                Handle(new ConnectionOpened(attach.Connection.Id, attach.Connection.Token));
                Handle(new Reconnect.Channel.ClientFrameReceived(attach.Connection.Id, attach.JoinFrame));
                break;
            case LoopWork.Query query:
                query.Run();
                break;
            default:
                throw new InvalidOperationException($"Unknown loop work {work.GetType().Name}.");
        }
    }

    private void Handle(ServerInput first)
    {
        followUps.Enqueue(first);
        while (followUps.TryDequeue(out var input))
        {
            server.Handle(new Instant(time.GetElapsedTime(start)), input);
            switch (input)
            {
                case ConnectionClosed closed:
                    connections.Remove(closed.ConnectionId);
                    break;
                case Reconnect.Channel.ChannelTimerFired fired when timers.Remove(fired.Timer, out var timer):
                    timer.Dispose();
                    break;
                default:
                    break;
            }

            Drain(input is AdminKick { CloseCode: var code } && CloseCodePolicy.Classify(code).IsTerminal ? code : null);
        }
    }

    /// <summary>Performs every output; <paramref name="revokeWith"/> is the code a terminal kick revokes the kicked session's token with.</summary>
    private void Drain(int? revokeWith)
    {
        while (server.PollOutput() is { } output)
        {
            switch (output)
            {
                case SendFrame send when connections.TryGetValue(send.ConnectionId, out var connection):
                    if (send.Message is WelcomeMessage welcome)
                    {
                        connection.MarkWelcomed(welcome.PeerId);
                    }

                    Send(connection, send.Message);
                    break;
                case Reconnect.Channel.CloseConnection close when connections.Remove(close.ConnectionId, out var connection):
                    connection.Close(close.Code, close.Reason);
                    break;
                case ArmChannelTimer start:
                    Arm(start);
                    break;
                case TokenRenewed renewed when connections.TryGetValue(renewed.ConnectionId, out var connection):
                    Renew(connection, renewed.Token);
                    break;
                case DisarmChannelTimer cancel when timers.Remove(cancel.Timer, out var timer):
                    timer.Dispose();
                    break;
                case ChannelNotice { Kind: ChannelNoticeKinds.Kicked } kicked:
                    ServerLog.PeerKicked(logger, kicked.Channel, kicked.PeerId, kicked.Detail);
                    if (sessionTokens.Follow(kicked, revokeWith is not null) is { } claims)
                    {
                        revocations.Revoke(claims, revokeWith!.Value);
                    }

                    break;
                case ChannelNotice { Kind: ChannelNoticeKinds.Rejected } rejected:
                    ServerLog.ChannelRejected(logger, rejected.Channel, rejected.PeerId, rejected.Detail);
                    break;
                case ChannelNotice { Kind: ChannelNoticeKinds.TokenExpired } expired:
                    ServerLog.TokenExpired(logger, expired.Channel, expired.PeerId, expired.Detail);
                    break;
                case ChannelNotice notice:
                    sessionTokens.Follow(notice, kickRevokes: false);
                    ServerLog.ChannelNotice(logger, notice.Kind, notice.Channel, notice.PeerId, notice.Detail);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The connection now holds a fresh token the logic accepted: its expiry is armed anew, and a kick revokes it.</summary>
    private void Renew(SignalConnection connection, string token)
    {
        if (tokens.Read(token, out var claims) is TokenRejected || claims is null)
        {
            ServerLog.Refused(logger, connection.Id, CloseCodes.InvalidToken, "refreshed token no longer checks out");
            return;
        }

        connection.Renew(token, claims, () => Post(new TokenExpired(connection.Id)));
        if (connection is { Channel: { } channel, PeerId: { } peer })
        {
            sessionTokens.Welcomed(channel, peer, claims);
        }
    }

    private void Send(SignalConnection connection, ServerMessage message)
    {
        var frame = message;
        if (message is WelcomeMessage welcome)
        {
            sessionTokens.Welcomed(connection.Channel!, welcome.PeerId, connection.Claims);
            frame = welcome with { IceServers = connection.Claims.IceServers };
        }

        if (!connection.TrySend(ProtocolCodec.Encode(frame)) && !connection.IsClosing)
        {
            ServerLog.Refused(logger, connection.Id, CloseCodes.SlowConsumer, "outbound queue full");
            connections.Remove(connection.Id);
            connection.Close(CloseCodes.SlowConsumer, CloseCodePolicy.Classify(CloseCodes.SlowConsumer).Name, discardQueued: true);
            followUps.Enqueue(new ConnectionClosed(connection.Id));
        }
    }

    private void Arm(ArmChannelTimer start)
    {
        if (timers.Remove(start.Timer, out var old))
        {
            old.Dispose();
        }

        var now = new Instant(time.GetElapsedTime(this.start));
        var delay = start.Due > now ? start.Due - now : TimeSpan.Zero;
        var id = start.Timer;
        timers[id] = time.CreateTimer(_ => Post(new Reconnect.Channel.ChannelTimerFired(id)), null, delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>One unit of work for the loop.</summary>
    private abstract record LoopWork
    {
        /// <summary>A fact for the channel logic.</summary>
        public sealed record Input(ServerInput Value) : LoopWork;

        /// <summary>A joined connection handed over with its join frame.</summary>
        public sealed record Attach(SignalConnection Connection, string JoinFrame) : LoopWork;

        /// <summary>A read of the logic, run on the loop.</summary>
        public sealed record Query(Action Run) : LoopWork;
    }
}
