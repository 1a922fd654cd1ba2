using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Reconnect.Browser.Harness.Hosting;

/// <summary>A STUN binding request (RFC 8489) over UDP: true when a binding success response comes back in time.</summary>
public static class StunProbe
{
    private const ushort BindingRequest = 0x0001;
    private const ushort BindingSuccess = 0x0101;
    private const uint MagicCookie = 0x2112A442;

    public static async Task<bool> AnswersAsync(IPEndPoint server, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        var request = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(request, BindingRequest);
        BinaryPrimitives.WriteUInt32BigEndian(request.AsSpan(4), MagicCookie);
        RandomNumberGenerator.Fill(request.AsSpan(8, 12));
        await udp.SendAsync(request, server, cancellationToken).ConfigureAwait(false);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(patience);
        try
        {
            var answer = await udp.ReceiveAsync(wait.Token).ConfigureAwait(false);
            return answer.Buffer.Length >= 20
                && BinaryPrimitives.ReadUInt16BigEndian(answer.Buffer) == BindingSuccess
                && answer.Buffer.AsSpan(8, 12).SequenceEqual(request.AsSpan(8, 12));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (SocketException)
        {
            // Nothing listens yet: the port is unreachable.
            return false;
        }
    }
}
