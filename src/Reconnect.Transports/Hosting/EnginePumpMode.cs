namespace Reconnect.Hosting;

/// <summary>How an <see cref="EnginePump"/> runs the engine.</summary>
public enum EnginePumpMode
{
    /// <summary>Inputs are handled on the posting thread, at once (simulation in virtual time).</summary>
    Inline,

    /// <summary>Inputs go through a single-reader channel drained by <see cref="EnginePump.RunAsync"/> (production).</summary>
    Background,
}
