using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Reconnect.Core.Policies;
using Reconnect.Core.Ports;
using Reconnect.Hosting;

namespace Reconnect;

/// <summary>
/// The signalling socket port on <see cref="System.Net.WebSockets.ClientWebSocket"/>: one socket per epoch, each
/// reporting SocketOpened, FrameReceived and exactly one end tagged with its own epoch (a late event of an older
/// socket reaches the engine with that older epoch, which the engine ignores by rule). A close frame from the server
/// is SocketClosed with its code (1005 when it carried none); a reset or any other failure is 1006; a refused
/// connect is 4103; an unreachable local network or an unresolvable name is SignallingUnreachable; a frame over
/// <see cref="WebSocketSignallingOptions.MaxFrameBytes"/> is 1009; a full send queue is 4104.
/// </summary>
public sealed class WebSocketSignallingPort : ISignallingPort, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly WebSocketSignallingOptions _options;
    private readonly IEngineInputSink _sink;
    private readonly ILogger _logger;
    private readonly List<WebSocketSession> _sessions = [];
    private WebSocketSession? _current;
    private bool _disposed;

    /// <summary>Creates the port; the options are validated here.</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public WebSocketSignallingPort(WebSocketSignallingOptions options, IEngineInputSink sink, ILogger<WebSocketSignallingPort>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        _options = WebSocketSignallingOptionsValidator.Validated(options);
        _sink = sink;
        _logger = logger ?? NullLogger<WebSocketSignallingPort>.Instance;
    }

    /// <inheritdoc />
    public void Open(long epoch, string token, SignallingRoute? route)
    {
        WebSocketSession? previous;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            previous = _current;
            _sessions.RemoveAll(s => s.IsFinished);
            var session = new WebSocketSession(epoch, _options, _sink, _logger);
            _sessions.Add(session);
            _current = session;
            session.Start(token, route);
        }

        _ = previous?.CloseAsync(CloseCodes.Normal, "superseded by a newer socket", TimeSpan.Zero);
    }

    /// <inheritdoc />
    public void Send(long epoch, string frame)
    {
        var session = Current(epoch);
        if (session is null)
        {
            WebSocketLog.FrameDropped(_logger, epoch);
            return;
        }

        session.Send(frame);
    }

    /// <inheritdoc />
    public void Close(long epoch, int code, string reason) => Close(epoch, code, reason, TimeSpan.Zero);

    /// <inheritdoc />
    public void Close(long epoch, int code, string reason, TimeSpan flushWithin)
    {
        WebSocketSession? session;
        lock (_gate)
        {
            session = _current?.Epoch == epoch ? _current : null;
            if (session is not null)
            {
                _current = null;
            }
        }

        _ = session?.CloseAsync(code, reason, flushWithin);
    }

    /// <summary>Closes every socket still open with 1001 (going away), letting a close under way finish within its bounds.</summary>
    public async ValueTask DisposeAsync()
    {
        WebSocketSession[] sessions;
        lock (_gate)
        {
            _disposed = true;
            _current = null;
            sessions = [.. _sessions];
            _sessions.Clear();
        }

        await Task.WhenAll(sessions.Select(s => s.CloseAsync(CloseCodes.GoingAway, "client disposed", TimeSpan.Zero))).ConfigureAwait(false);
    }

    private WebSocketSession? Current(long epoch)
    {
        lock (_gate)
        {
            return _current?.Epoch == epoch ? _current : null;
        }
    }
}
