using Reconnect.Core.Engine;

namespace Reconnect.Core.Policies;

/// <summary>What becomes of a media verb's failure on the live connection.</summary>
internal enum MediaFailureResponse
{
    /// <summary>The call does without it: a tolerated notice, nothing else.</summary>
    Tolerate,

    /// <summary>Report a media error; the connection is kept.</summary>
    Report,

    /// <summary>Report a media error and heal the connection as a broken one (the ICE restart ladder, then escalation).</summary>
    Heal,
}

/// <summary>
/// How the engine answers a media verb's failure: a remote candidate or a close it can do without; a local stream
/// verb's failure leaves the connection working (only that stream is affected), so it is reported; a connection or
/// negotiation verb's failure leaves the connection unable to (re)negotiate, so it heals like a broken connection.
/// </summary>
internal static class MediaFailurePolicy
{
    public static MediaFailureResponse Decide(MediaOperation operation) => operation switch
    {
        MediaOperation.AddIceCandidate or MediaOperation.Close => MediaFailureResponse.Tolerate,
        MediaOperation.AttachLocalStream or MediaOperation.DetachLocalStream or MediaOperation.ReplaceTrack => MediaFailureResponse.Report,
        MediaOperation.CreateConnection or MediaOperation.CreateOffer or MediaOperation.CreateAnswer or MediaOperation.SetLocalDescription
            or MediaOperation.SetRemoteDescription or MediaOperation.RestartIce => MediaFailureResponse.Heal,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown media operation."),
    };
}
