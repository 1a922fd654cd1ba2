using Reconnect;

namespace Reconnect.Samples.PropertySuite;

/// <summary>
/// The app logic under test: the participant list a call screen shows, one row per remote peer with its state, kept
/// from the client's events alone.
/// </summary>
public sealed class ParticipantList
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, RemotePeerState> _rows = new(StringComparer.Ordinal);

    /// <summary>Follows <paramref name="client"/>'s remote peers from now on.</summary>
    public ParticipantList(ReconnectClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.PeerJoined += (_, e) =>
        {
            Show(e.Peer.Id, e.Peer.State);
            e.Peer.StateChanged += (_, change) => Show(change.Peer.Id, change.To);
        };
        client.PeerLeft += (_, e) =>
        {
            lock (_gate)
            {
                _rows.Remove(e.Peer.Id);
            }
        };
    }

    /// <summary>The rows, in name order: <c>bob: Connected</c>.</summary>
    public IReadOnlyList<string> Rows
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Select(row => $"{row.Key}: {row.Value}")];
            }
        }
    }

    private void Show(string peerId, RemotePeerState state)
    {
        lock (_gate)
        {
            _rows[peerId] = state;
        }
    }
}
