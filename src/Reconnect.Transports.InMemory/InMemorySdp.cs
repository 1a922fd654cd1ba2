using System.Globalization;
using System.Text;

namespace Reconnect.Transports.InMemory;

/// <summary>The session description text the in-memory media port writes and reads: ICE credentials and stream ids.</summary>
/// <param name="Ufrag">The ICE username fragment.</param>
/// <param name="Password">The ICE password.</param>
/// <param name="StreamIds">The streams the sender publishes.</param>
public sealed record InMemorySdp(string Ufrag, string Password, IReadOnlyList<string> StreamIds)
{
    /// <summary>Writes the description as SDP-like text.</summary>
    public string Write()
    {
        var sb = new StringBuilder("v=0\r\no=- 0 1 IN IP4 0.0.0.0\r\ns=-\r\n");
        sb.Append("a=ice-ufrag:").Append(Ufrag).Append("\r\n");
        sb.Append("a=ice-pwd:").Append(Password).Append("\r\n");
        foreach (var id in StreamIds)
        {
            sb.Append("a=msid:").Append(id).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>Reads SDP-like text; null when the credentials are missing.</summary>
    public static InMemorySdp? Read(string sdp)
    {
        ArgumentNullException.ThrowIfNull(sdp);
        string? ufrag = null;
        string? password = null;
        var streams = new List<string>();
        foreach (var line in sdp.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("a=ice-ufrag:", StringComparison.Ordinal))
            {
                ufrag = line["a=ice-ufrag:".Length..];
            }
            else if (line.StartsWith("a=ice-pwd:", StringComparison.Ordinal))
            {
                password = line["a=ice-pwd:".Length..];
            }
            else if (line.StartsWith("a=msid:", StringComparison.Ordinal))
            {
                streams.Add(line["a=msid:".Length..]);
            }
        }

        return ufrag is null || password is null ? null : new InMemorySdp(ufrag, password, streams);
    }

    /// <summary>Writes a host candidate for an address, tagged with its ICE generation's ufrag.</summary>
    public static string Candidate(string address, string ufrag) =>
        string.Create(CultureInfo.InvariantCulture, $"candidate:1 1 udp 2122260223 {address} 9 typ host ufrag {ufrag}");

    /// <summary>Reads the address and ufrag of a host candidate; null when malformed.</summary>
    public static (string Address, string Ufrag)? ReadCandidate(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var parts = candidate.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 10 && parts[6] == "typ" && parts[8] == "ufrag" ? (parts[4], parts[9]) : null;
    }
}
