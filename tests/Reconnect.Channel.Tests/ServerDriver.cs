using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Channel.Tests;

/// <summary>Drives a <see cref="ChannelServer"/> the way a shell would: a virtual clock, armed timers fired in (due, sequence) order.</summary>
internal sealed class ServerDriver
{
    /// <summary>The default silence grace in milliseconds, as the welcome announces it.</summary>
    public const long GraceMs = 45_000;

    private readonly SortedDictionary<(Instant Due, long Sequence), ChannelTimerId> timers = [];

    public ServerDriver(ChannelServerOptions? options = null) =>
        Server = new ChannelServer(options ?? new ChannelServerOptions(), new LiteralTokenValidator());

    public ChannelServer Server { get; }

    public Instant Now { get; private set; } = Instant.Zero;

    /// <summary>Every output so far, in order.</summary>
    public List<ServerOutput> History { get; } = [];

    /// <summary>Invoked for each output as it is drained, before the next input.</summary>
    public Action<ServerOutput>? OnOutput { get; init; }

    public IReadOnlyList<(Instant Due, ChannelTimerId Timer)> ArmedTimers => [.. timers.Select(t => (t.Key.Due, t.Value))];

    public List<ServerOutput> Handle(ServerInput input)
    {
        Server.Handle(Now, input);
        var drained = new List<ServerOutput>();
        while (Server.PollOutput() is { } output)
        {
            drained.Add(output);
            History.Add(output);
            switch (output)
            {
                case ArmChannelTimer start:
                    timers.Add((start.Due, start.Timer.Sequence), start.Timer);
                    break;
                case DisarmChannelTimer cancel:
                    foreach (var key in timers.Where(t => t.Value == cancel.Timer).Select(t => t.Key).ToList())
                    {
                        timers.Remove(key);
                    }

                    break;
            }

            OnOutput?.Invoke(output);
        }

        return drained;
    }

    /// <summary>Moves the clock forward, firing every timer due on the way (timers armed meanwhile included).</summary>
    public List<ServerOutput> AdvanceTo(Instant target)
    {
        var drained = new List<ServerOutput>();
        while (timers.Count > 0 && timers.First() is var next && next.Key.Due <= target)
        {
            timers.Remove(next.Key);
            Now = Instant.Max(Now, next.Key.Due);
            drained.AddRange(Handle(new ChannelTimerFired(next.Value)));
        }

        Now = Instant.Max(Now, target);
        return drained;
    }

    public List<ServerOutput> Advance(TimeSpan by) => AdvanceTo(Now + by);

    public List<ServerOutput> Open(long connection, string token = "ok:acme") => Handle(new ConnectionOpened(connection, token));

    public List<ServerOutput> Send(long connection, ClientMessage message) =>
        Handle(new ClientFrameReceived(connection, ProtocolCodec.Encode(message)));

    public List<ServerOutput> Join(long connection, string channel, string peerId, string? resume = null, params StreamInfo[] streams) =>
        Send(connection, new JoinMessage(channel, peerId, Meta(), streams, resume));

    /// <summary>Opens a connection, joins, and returns the session id from the welcome.</summary>
    public string OpenAndJoin(long connection, string channel, string peerId, string token = "ok:acme")
    {
        Open(connection, token);
        var welcome = Join(connection, channel, peerId).FramesTo(connection).OfType<WelcomeMessage>().Single();
        return welcome.SessionId;
    }

    /// <summary>Opens a connection and joins; returns what <paramref name="observer"/>'s connection was sent meanwhile.</summary>
    public List<ServerMessage> OpenAndJoinSeenBy(long connection, string channel, string peerId, long observer)
    {
        Open(connection);
        return Join(connection, channel, peerId).FramesTo(observer);
    }

    public static IReadOnlyDictionary<string, string> Meta(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static StreamInfo Stream(string id, string kind = "camera") => new(id, Meta(("kind", kind)));
}

/// <summary>Views on a batch of outputs.</summary>
internal static class OutputViews
{
    public static List<ServerMessage> FramesTo(this IEnumerable<ServerOutput> outputs, long connection) =>
        [.. outputs.OfType<SendFrame>().Where(f => f.ConnectionId == connection).Select(f => f.Message)];

    public static List<CloseConnection> Closes(this IEnumerable<ServerOutput> outputs) => [.. outputs.OfType<CloseConnection>()];

    public static List<ChannelNotice> Notices(this IEnumerable<ServerOutput> outputs, string kind) =>
        [.. outputs.OfType<ChannelNotice>().Where(n => n.Kind == kind)];

    public static List<SendFrame> Frames(this IEnumerable<ServerOutput> outputs) => [.. outputs.OfType<SendFrame>()];
}
