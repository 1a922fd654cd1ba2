using Reconnect.Core.Engine;
using Reconnect.Core.Ports;
using Reconnect.Core.Protocol;
using Reconnect.Core.Time;

namespace Reconnect.Benchmarks;

/// <summary>
/// A call engine driven to the steady state of a call (A joined with B connected) through its public inputs only, as
/// an embedding SDK drives it: it answers token fetches, opens sockets, plays the server's welcome and roster, and
/// keeps the armed timers so one can be fired.
/// </summary>
internal sealed class JoinedEngine
{
    private static readonly IReadOnlyList<IceServer> Ice = [new(["stun:stun.test:3478"])];
    private static readonly RosterEntry Bob = new("B", "session-B", new Dictionary<string, string>(), []);

    private readonly Dictionary<(TimerKind Kind, string Owner), StartTimer> _timers = [];
    private long _rosterVersion;
    private FetchToken? _tokenWanted;
    private OpenSocket? _socketWanted;
    private JoinMessage? _joinSent;
    private RosterRequestMessage? _rosterAsked;

    private JoinedEngine()
    {
        Engine = new CallEngine(new ReconnectOptions(), seed: 1);
    }

    public CallEngine Engine { get; }

    public Instant Now { get; private set; }

    /// <summary>A new engine, joined to "room" as A with B listed and its media connected.</summary>
    public static JoinedEngine Create()
    {
        var joined = new JoinedEngine();
        joined.Feed(new JoinRequested("room", "A", new Dictionary<string, string>()));
        joined.ConnectSocket();
        joined.Feed(new IceStateChanged("B", 1, IceConnectionState.Connected));
        return joined;
    }

    /// <summary>The armed timer of a kind (the ping timer, say), to fire it.</summary>
    public TimerId Armed(TimerKind kind, string owner = "") => _timers[(kind, owner)].Timer;

    /// <summary>Handles one input now and drains what it produced.</summary>
    public void Feed(EngineInput input)
    {
        Engine.Handle(Now, input);
        while (Engine.PollOutput() is { } output)
        {
            Note(output);
        }
    }

    /// <summary>The socket drops; the engine waits out its retry, reconnects, resumes and reads the roster again.</summary>
    public void DropAndReconnect()
    {
        Feed(new SocketClosed(Engine.Snapshot.Epoch, 1006, "dropped"));
        var retry = _timers[(TimerKind.SocketRetry, string.Empty)];
        Now = retry.Due;
        Feed(new TimerFired(retry.Timer));
        ConnectSocket();
    }

    private void ConnectSocket()
    {
        Feed(new TokenFetched(_tokenWanted!.Attempt, "token", Ice));
        Feed(new SocketOpened(_socketWanted!.Epoch));
        var join = _joinSent!;
        var session = join.ResumeSessionId ?? "session-A";
        Feed(new FrameReceived(_socketWanted.Epoch, ProtocolCodec.Encode(new WelcomeMessage("A", session, join.ResumeSessionId is not null))));
        Feed(new FrameReceived(_socketWanted.Epoch, ProtocolCodec.Encode(new RosterMessage(_rosterAsked!.RequestId, [Bob], ++_rosterVersion))));
    }

    private void Note(EngineOutput output)
    {
        switch (output)
        {
            case StartTimer start:
                _timers[(start.Timer.Kind, start.Timer.Owner)] = start;
                break;
            case CancelTimer cancel:
                _timers.Remove((cancel.Timer.Kind, cancel.Timer.Owner));
                break;
            case FetchToken fetch:
                _tokenWanted = fetch;
                break;
            case OpenSocket open:
                _socketWanted = open;
                break;
            case SendMessage { Message: JoinMessage join }:
                _joinSent = join;
                break;
            case SendMessage { Message: RosterRequestMessage ask }:
                _rosterAsked = ask;
                break;
            default:
                break;
        }
    }
}
