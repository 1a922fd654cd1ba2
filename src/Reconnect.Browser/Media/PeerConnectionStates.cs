using Reconnect.Core.Ports;

namespace Reconnect.Browser.Media;

/// <summary>
/// What one RTCPeerConnection last said through its two W3C states, folded into the one ICE state the engine reads:
/// connectionState failed (or closed) wins, since Chromium often leaves iceConnectionState at disconnected while the
/// connection has failed; otherwise iceConnectionState says. Only a change of the folded state is reported.
/// </summary>
internal sealed class PeerConnectionStates
{
    private readonly HashSet<string> _streams = new(StringComparer.Ordinal);
    private string _ice = "new";
    private string _connection = "new";
    private IceConnectionState _reported = IceConnectionState.New;

    /// <summary>iceConnectionState changed; the engine's state if that changed it.</summary>
    public IceConnectionState? IceChanged(string state)
    {
        _ice = state;
        return Fold();
    }

    /// <summary>connectionState changed; the engine's state if that changed it.</summary>
    public IceConnectionState? ConnectionChanged(string state)
    {
        _connection = state;
        return Fold();
    }

    /// <summary>True the first time a stream arrives on this connection (ontrack fires once per track).</summary>
    public bool StreamArrived(string streamId) => _streams.Add(streamId);

    private IceConnectionState? Fold()
    {
        var folded = _connection switch
        {
            "failed" => IceConnectionState.Failed,
            "closed" => IceConnectionState.Closed,
            _ => Ice(_ice),
        };
        if (folded is not { } state || state == _reported)
        {
            return null;
        }

        _reported = state;
        return state;
    }

    private static IceConnectionState? Ice(string state) => state switch
    {
        "new" => IceConnectionState.New,
        "checking" => IceConnectionState.Checking,
        "connected" => IceConnectionState.Connected,
        "completed" => IceConnectionState.Completed,
        "disconnected" => IceConnectionState.Disconnected,
        "failed" => IceConnectionState.Failed,
        "closed" => IceConnectionState.Closed,
        _ => null,
    };
}
