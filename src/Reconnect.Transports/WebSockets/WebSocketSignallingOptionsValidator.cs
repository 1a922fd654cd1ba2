using Microsoft.Extensions.Options;

namespace Reconnect;

/// <summary>Validates <see cref="WebSocketSignallingOptions"/>: an absolute ws/wss endpoint, positive durations and bounds.</summary>
public sealed class WebSocketSignallingOptionsValidator : IValidateOptions<WebSocketSignallingOptions>
{
    /// <summary>Validates an options instance and returns every failure at once.</summary>
    public ValidateOptionsResult Validate(string? name, WebSocketSignallingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(failures, options.Endpoint is { IsAbsoluteUri: true, Scheme: "ws" or "wss" }, "Endpoint must be an absolute ws:// or wss:// URI.");
        Check(failures, options.Headers is not null, "Headers must not be null.");
        Check(failures, Enum.IsDefined(options.TokenPlacement), "TokenPlacement must be a defined placement.");
        Check(failures, !string.IsNullOrWhiteSpace(options.TokenQueryParameter), "TokenQueryParameter must not be empty.");
        Check(failures, options.ConnectTimeout > TimeSpan.Zero, "ConnectTimeout must be positive.");
        Check(failures, options.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive.");
        Check(failures, options.KeepAliveTimeout is null || options.KeepAliveTimeout > TimeSpan.Zero, "KeepAliveTimeout must be positive or null.");
        Check(failures, options.SendQueueCapacity is >= 1 and <= 1_000_000, "SendQueueCapacity must be in [1, 1000000].");
        Check(failures, options.MaxFrameBytes is >= 1024 and <= 64 * 1024 * 1024, "MaxFrameBytes must be in [1024, 67108864].");
        Check(failures, options.CloseHandshakeTimeout > TimeSpan.Zero, "CloseHandshakeTimeout must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns the options when valid; otherwise throws with every failure listed.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    internal static WebSocketSignallingOptions Validated(WebSocketSignallingOptions options)
    {
        var name = Microsoft.Extensions.Options.Options.DefaultName;
        var result = new WebSocketSignallingOptionsValidator().Validate(name, options);
        return result.Failed ? throw new OptionsValidationException(name, typeof(WebSocketSignallingOptions), result.Failures) : options;
    }

    private static void Check(List<string> failures, bool ok, string failure)
    {
        if (!ok)
        {
            failures.Add(failure);
        }
    }
}
