using Reconnect.Core.Engine;

namespace Reconnect;

/// <summary>Where adapters post what happened to them; they never call the engine directly.</summary>
public interface IEngineInputSink
{
    /// <summary>Posts an input for the engine; safe to call from a port during a dispatch.</summary>
    void Post(EngineInput input);
}
