namespace Reconnect.Testing.World;

/// <summary>What a token provider under injected faults answers a fetch with.</summary>
internal enum TokenAnswer
{
    /// <summary>A token the server accepts.</summary>
    Fresh,

    /// <summary>A failure: the token service is unavailable.</summary>
    Failure,

    /// <summary>A token the server refuses as already expired.</summary>
    Expired,
}
