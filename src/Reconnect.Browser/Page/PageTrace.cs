using Reconnect.Channel;
using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;
using Reconnect.Hosting;
using Reconnect.Testing.Checkers;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Page;

/// <summary>
/// The page's trace in the simulator's JSON Lines format (every notice as the simulator writes it, and every input and
/// effect as <see cref="EngineIoText"/> lines) and the simulator's invariant checker, run live over the engine's
/// notices, effects and inputs. What only the server knows (a remote peer truly left) is taken from the
/// server's own peer-left frames as they arrive.
/// </summary>
internal sealed class PageTrace
{
    /// <summary>The longest retry hint the server gives (capped below its silence grace), which widens the checker's backoff deadline.</summary>
    private static readonly TimeSpan LongestServerHint = TimeSpan.FromSeconds(30);

    private readonly string _peer;
    private readonly InvariantChecker _checker;
    private readonly PageCheckedPeer _checked;
    private readonly TraceWriter _trace = new();
    private readonly EnginePump _pump;
    private long? _openEpoch;
    private int _violationsTraced;

    public PageTrace(string peer, ulong seed, EnginePump pump, Func<int> openConnections)
    {
        _peer = peer;
        _pump = pump;
        _checked = new PageCheckedPeer(peer, pump.Engine, openConnections, () => _openEpoch is not null);
        _checker = new InvariantChecker(seed, [_checked], LongestServerHint);
        pump.NoticeRaised += (_, e) => OnNotice(e.At, e.Notice);
        pump.EffectDispatching += (_, e) => OnEffect(e.At, e.Effect);
        pump.InputHandling += (_, input) => _trace.Add(EngineIoText.Of(_pump.Now.TotalMilliseconds, _peer, input));
        pump.InputHandled += (_, input) => OnInput(input);
    }

    /// <summary>Every trace line so far.</summary>
    public IReadOnlyList<string> Lines => [.. _trace.Events.Select(TraceJson.Format)];

    /// <summary>Every violation so far.</summary>
    public IReadOnlyList<string> Violations => _checker.Violations;

    /// <summary>Takes note of an input a port posts, before the engine handles it: the server's word that a peer left.</summary>
    public void OnPosted(EngineInput input)
    {
        if (input is FrameReceived frame
            && ProtocolCodec.TryDecodeServerMessage(frame.Text, out var message, out _)
            && message is PeerLeftMessage left)
        {
            _checker.OnServerNotice(new ChannelNotice(ChannelNoticeKinds.Left, string.Empty, left.PeerId, left.SessionId));
        }
    }

    /// <summary>Checks the deadlines of the remote peers' states (every second or so).</summary>
    public void Sample()
    {
        _checker.SampleDeadlines(_pump.Now.TotalMilliseconds);
        TraceViolations(_pump.Now.TotalMilliseconds);
    }

    private void OnNotice(Core.Time.Instant at, EngineNotice notice)
    {
        if (notice is ErrorRaisedNotice { Error: EvictedError })
        {
            // The server no longer knows this page's session (it evicted it, or it restarted and lost every session):
            // the remote sessions it knew may be gone too, so a remote peer whose rejoin never comes is rightly removed.
            _checker.SessionsLost(_pump.Engine.Snapshot.Remotes.Select(r => r.SessionId));
        }

        if (TraceMapper.FromNotice(_peer, at.TotalMilliseconds, notice) is { } line)
        {
            _trace.Add(line);
        }

        _checker.OnNotice(_checked, notice, at.TotalMilliseconds);
    }

    private void OnEffect(Core.Time.Instant at, EngineEffect effect)
    {
        _trace.Add(EngineIoText.Of(at.TotalMilliseconds, _peer, effect));
        _checker.OnEffect(_checked, effect);
        if (effect is CloseSocket close && close.Epoch == _openEpoch)
        {
            _openEpoch = null;
        }
    }

    private void OnInput(EngineInput input)
    {
        switch (input)
        {
            case SocketOpened opened:
                _openEpoch = opened.Epoch;
                break;
            case SocketClosed closed when closed.Epoch == _openEpoch:
            case SignallingUnreachable unreachable when unreachable.Epoch == _openEpoch:
                _openEpoch = null;
                break;
            default:
                break;
        }

        _checker.OnInput(_peer, input);
        _checker.AfterStep(_pump.Now.TotalMilliseconds);
        TraceViolations(_pump.Now.TotalMilliseconds);
    }

    private void TraceViolations(long nowMs)
    {
        var violations = _checker.Violations;
        for (; _violationsTraced < violations.Count; _violationsTraced++)
        {
            _trace.Add(new TraceEvent(nowMs, _peer, TraceEventKind.InvariantViolation) { Detail = violations[_violationsTraced] });
        }
    }
}
