namespace Reconnect.Channel;

/// <summary>Checks a connection's token; pure, so the simulator and the real server share the rules.</summary>
public interface ITokenValidator
{
    /// <summary>Accepts the token with its grant, or rejects it with a close code.</summary>
    TokenCheck Validate(string token);
}
