using Reconnect.Channel;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// Runs the pure <see cref="ChannelServer"/> on a host of an in-memory fabric: accepts sockets from
/// <see cref="InMemorySignallingPort"/>s, delivers frames both ways, arms the server's timers.
/// </summary>
public sealed class InMemorySignallingServer
{
    private readonly IInMemoryFabric _fabric;
    private ChannelServer _server;
    private readonly long _start;
    private readonly SortedDictionary<long, (InMemorySignallingPort Client, long Epoch)> _connections = [];
    private readonly Dictionary<ChannelTimerId, ITimer> _timers = [];
    private readonly Dictionary<long, ITimer> _tokenExpiries = [];
    private long _nextConnection;

    /// <summary>Creates the server on a host.</summary>
    public InMemorySignallingServer(IInMemoryFabric fabric, string host, ChannelServer server)
    {
        ArgumentNullException.ThrowIfNull(fabric);
        ArgumentNullException.ThrowIfNull(server);
        _fabric = fabric;
        Host = host;
        _server = server;
        _start = fabric.Time.GetTimestamp();
    }

    /// <summary>Raised for every channel notice the server logic produces.</summary>
    public event EventHandler<ChannelNotice>? NoticeRaised;

    /// <summary>Raised with the client's host name for every connection attempt that reaches the server, accepted or refused.</summary>
    public event EventHandler<string>? ConnectionAttempted;

    /// <summary>The host the server runs on.</summary>
    public string Host { get; }

    /// <summary>False while the server refuses connections (restarting): each attempt is closed with 4103 <c>connection_refused</c>.</summary>
    public bool Accepting { get; set; } = true;

    /// <summary>The channel logic, for read-only inspection.</summary>
    public ChannelServer Logic => _server;

    /// <summary>The server's clock reading.</summary>
    public Instant Now => new(_fabric.Time.GetElapsedTime(_start));

    /// <summary>Feeds an operator input (kick, shutdown, token expiry) to the channel logic.</summary>
    public void Operate(ServerInput input) => Handle(input);

    /// <summary>
    /// The server process dies and comes back running <paramref name="fresh"/> channel logic: every open connection
    /// is cut without a going-away message (each client sees an abnormal close, 1006, after the path's delay, as a
    /// TCP reset), every server timer is dropped, and every session is lost with the old logic.
    /// </summary>
    public void Crash(ChannelServer fresh)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        foreach (var (client, epoch) in _connections.Values)
        {
            _fabric.SendOnSocket(Host, client.Host, epoch, () => client.OnClosed(epoch, CloseCodes.Abnormal, "connection reset"));
        }

        _connections.Clear();
        foreach (var timer in _timers.Values)
        {
            timer.Dispose();
        }

        _timers.Clear();
        foreach (var expiry in _tokenExpiries.Values)
        {
            expiry.Dispose();
        }

        _tokenExpiries.Clear();
        _server = fresh;
    }

    /// <summary>The connection id a client's epoch is attached to, if any.</summary>
    public long? ConnectionOf(InMemorySignallingPort client, long epoch)
    {
        foreach (var (id, c) in _connections)
        {
            if (ReferenceEquals(c.Client, client) && c.Epoch == epoch)
            {
                return id;
            }
        }

        return null;
    }

    internal void Accept(InMemorySignallingPort client, long epoch, string token)
    {
        ConnectionAttempted?.Invoke(this, client.Host);
        if (!Accepting)
        {
            _fabric.SendOnSocket(Host, client.Host, epoch, () => client.OnClosed(epoch, CloseCodes.ConnectionRefused, $"connection refused by {Host}"));
            return;
        }

        var id = ++_nextConnection;
        _connections[id] = (client, epoch);
        _fabric.SendOnSocket(Host, client.Host, epoch, () => client.OnOpened(epoch, id));
        ArmTokenExpiry(id, token);
        Handle(new ConnectionOpened(id, token));
    }

    internal void Receive(long connection, string frame)
    {
        if (_connections.ContainsKey(connection))
        {
            Handle(new Reconnect.Channel.ClientFrameReceived(connection, frame));
        }
    }

    internal void ClientClosed(long connection)
    {
        if (_connections.Remove(connection))
        {
            Handle(new ConnectionClosed(connection));
        }
    }

    private void Handle(ServerInput input)
    {
        _server.Handle(Now, input);
        while (_server.PollOutput() is { } output)
        {
            switch (output)
            {
                case SendFrame send when _connections.TryGetValue(send.ConnectionId, out var c):
                    var text = ProtocolCodec.Encode(send.Message);
                    _fabric.SendOnSocket(Host, c.Client.Host, c.Epoch, () => c.Client.OnFrame(c.Epoch, text));
                    break;
                case TokenRenewed renewed when _connections.ContainsKey(renewed.ConnectionId):
                    ArmTokenExpiry(renewed.ConnectionId, renewed.Token);
                    break;
                case Reconnect.Channel.CloseConnection close when _connections.Remove(close.ConnectionId, out var c):
                    _fabric.SendOnSocket(Host, c.Client.Host, c.Epoch, () => c.Client.OnClosed(c.Epoch, close.Code, close.Reason));
                    break;
                case Reconnect.Channel.ArmChannelTimer start:
                    Arm(start);
                    break;
                case Reconnect.Channel.DisarmChannelTimer cancel:
                    if (_timers.Remove(cancel.Timer, out var timer))
                    {
                        timer.Dispose();
                    }

                    break;
                case ChannelNotice notice:
                    NoticeRaised?.Invoke(this, notice);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Arms the expiry of the token a connection holds, as the real server does: when it passes while the connection is open,
    /// the channel logic is told (and closes it with 4002); a token taken later replaces the expiry, one without none is armed.
    /// </summary>
    private void ArmTokenExpiry(long connection, string token)
    {
        if (_tokenExpiries.Remove(connection, out var old))
        {
            old.Dispose();
        }

        if (LiteralTokenValidator.ExpiryOf(token) is not { } expires)
        {
            return;
        }

        var due = expires - _fabric.Time.GetUtcNow();
        _tokenExpiries[connection] = _fabric.Time.CreateTimer(
            _ =>
            {
                if (_tokenExpiries.Remove(connection, out var t))
                {
                    t.Dispose();
                    if (_connections.ContainsKey(connection))
                    {
                        Handle(new TokenExpired(connection));
                    }
                }
            },
            null,
            due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Timeout.InfiniteTimeSpan);
    }

    private void Arm(Reconnect.Channel.ArmChannelTimer start)
    {
        if (_timers.Remove(start.Timer, out var old))
        {
            old.Dispose();
        }

        var now = Now;
        var delay = start.Due > now ? start.Due - now : TimeSpan.Zero;
        var id = start.Timer;
        _timers[id] = _fabric.Time.CreateTimer(
            _ =>
            {
                if (_timers.Remove(id, out var t))
                {
                    t.Dispose();
                    Handle(new Reconnect.Channel.ChannelTimerFired(id));
                }
            },
            null,
            delay,
            Timeout.InfiniteTimeSpan);
    }
}
