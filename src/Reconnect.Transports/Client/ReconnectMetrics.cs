using System.Diagnostics.Metrics;
using Reconnect.Core.Engine;
using Reconnect.Core.Machines.LocalPeer;
using Reconnect.Core.Time;

namespace Reconnect;

/// <summary>Records the client's instruments: from engine notices, on the engine thread; handler failures, on the dispatcher.</summary>
internal sealed class ReconnectMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _socketAttempts;
    private readonly Counter<long> _iceRestarts;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _peersLeft;
    private readonly Counter<long> _handlerFailures;
    private readonly Histogram<double> _healDuration;
    private Instant? _reconnectingSince;

    /// <summary>Creates the instruments on a meter from the factory, or on a meter of its own.</summary>
    public ReconnectMetrics(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(ReconnectDiagnostics.MeterName)) ?? new Meter(ReconnectDiagnostics.MeterName);
        _socketAttempts = _meter.CreateCounter<long>(ReconnectDiagnostics.SocketAttempts, "{attempt}", "Signalling socket connect attempts.");
        _iceRestarts = _meter.CreateCounter<long>(ReconnectDiagnostics.IceRestarts, "{restart}", "ICE restart attempts.");
        _errors = _meter.CreateCounter<long>(ReconnectDiagnostics.Errors, "{error}", "Typed errors, by kind.");
        _peersLeft = _meter.CreateCounter<long>(ReconnectDiagnostics.PeersLeft, "{peer}", "Remote peers that truly left.");
        _handlerFailures = _meter.CreateCounter<long>(ReconnectDiagnostics.HandlerFailures, "{failure}", "Application event handlers that threw, by event.");
        _healDuration = _meter.CreateHistogram<double>(ReconnectDiagnostics.HealDuration, "ms", "Time from entering reconnecting to joined again.");
    }

    public void Record(Instant at, EngineNotice notice)
    {
        switch (notice)
        {
            case SocketAttemptStartedNotice:
                _socketAttempts.Add(1);
                break;
            case IceRestartStartedNotice:
                _iceRestarts.Add(1);
                break;
            case ErrorRaisedNotice { Error: CommandRejected }:
                break;
            case ErrorRaisedNotice raised:
                _errors.Add(1, new KeyValuePair<string, object?>(ReconnectDiagnostics.KindTag, raised.Error.GetType().Name));
                break;
            case PeerLeftNotice left:
                _peersLeft.Add(1, new KeyValuePair<string, object?>(ReconnectDiagnostics.ReasonTag, left.Reason));
                break;
            case LocalStateChangedNotice changed:
                StateChanged(at, changed.To);
                break;
            default:
                break;
        }
    }

    /// <summary>An application handler of the named event threw (on the dispatcher).</summary>
    public void HandlerFailed(string @event) =>
        _handlerFailures.Add(1, new KeyValuePair<string, object?>(ReconnectDiagnostics.EventTag, @event));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private void StateChanged(Instant at, LocalPeerState to)
    {
        switch (to)
        {
            case LocalPeerState.Reconnecting:
                _reconnectingSince ??= at;
                break;
            case LocalPeerState.Joined when _reconnectingSince is { } since:
                _healDuration.Record((at - since).TotalMilliseconds);
                _reconnectingSince = null;
                break;
            case LocalPeerState.Idle or LocalPeerState.Leaving or LocalPeerState.Closed:
                _reconnectingSince = null;
                break;
            default:
                break;
        }
    }
}
