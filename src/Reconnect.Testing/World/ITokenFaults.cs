namespace Reconnect.Testing.World;

/// <summary>The faults a token provider is told to inject: the counters a token fault adds to and the heal resets.</summary>
internal interface ITokenFaults
{
    /// <summary>How many of the next fetches fail.</summary>
    int FailuresToInject { get; set; }

    /// <summary>How many of the next fetches hang: the provider never answers them.</summary>
    int HangsToInject { get; set; }

    /// <summary>How many hang windows are open: while one is, every fetch hangs.</summary>
    int HangWindows { get; set; }

    /// <summary>How many of the next fetches hand out a token that is already expired.</summary>
    int ExpiredToInject { get; set; }
}
