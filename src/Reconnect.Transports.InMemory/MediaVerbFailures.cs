using Reconnect.Core.Engine;
using Reconnect.Hosting;

namespace Reconnect.Transports.InMemory;

/// <summary>
/// The verb failures armed on an in-memory media port: each takes the next calls of its verb (toward one remote, or
/// any) and reports them failed through the port's sink, as a rejected W3C promise is reported.
/// </summary>
internal sealed class MediaVerbFailures(IEngineInputSink sink)
{
    private readonly List<Armed> _armed = [];

    public void Arm(MediaOperation operation, string? remotePeerId, int times, string reason)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        _armed.Add(new Armed(operation, remotePeerId, reason) { Left = times });
    }

    /// <summary>Spends an armed failure on this call and reports it; false when none is armed for it.</summary>
    public bool Fails(MediaOperation operation, string remotePeerId, int generation)
    {
        var armed = _armed.Find(a => a.Operation == operation && (a.RemotePeerId is null || string.Equals(a.RemotePeerId, remotePeerId, StringComparison.Ordinal)));
        if (armed is null)
        {
            return false;
        }

        if (--armed.Left == 0)
        {
            _armed.Remove(armed);
        }

        sink.Post(new MediaOperationFailed(remotePeerId, generation, operation, armed.Reason));
        return true;
    }

    private sealed record Armed(MediaOperation Operation, string? RemotePeerId, string Reason)
    {
        public int Left { get; set; }
    }
}
