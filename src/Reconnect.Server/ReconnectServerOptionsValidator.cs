using Microsoft.Extensions.Options;
using Reconnect.Core.Protocol;

namespace Reconnect.Server;

/// <summary>Checks every setting on start, listing each failure.</summary>
internal sealed class ReconnectServerOptionsValidator : IValidateOptions<ReconnectServerOptions>
{
    /// <summary>The fewest bytes an HS256 signing key may have.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ReconnectServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (SigningKeyBytes(options.SigningKey) is not { Length: >= MinSigningKeyBytes })
        {
            failures.Add($"SigningKey must be base64 of at least {MinSigningKeyBytes} bytes.");
        }

        if (options.AdminKey.Length < 16)
        {
            failures.Add("AdminKey must have at least 16 characters.");
        }

        Positive(failures, options.DevTokenLifetime, nameof(options.DevTokenLifetime));
        Positive(failures, options.SilenceGrace, nameof(options.SilenceGrace));
        Positive(failures, options.UpgradeTimeout, nameof(options.UpgradeTimeout));
        Positive(failures, options.JoinTimeout, nameof(options.JoinTimeout));
        Positive(failures, options.CloseTimeout, nameof(options.CloseTimeout));
        Positive(failures, options.ShutdownDrainTimeout, nameof(options.ShutdownDrainTimeout));
        NotNegative(failures, options.MaxPingInterval, nameof(options.MaxPingInterval));
        NotNegative(failures, options.KeepAliveInterval, nameof(options.KeepAliveInterval));
        NotNegative(failures, options.ShutdownRetryHint, nameof(options.ShutdownRetryHint));
        AtLeastOne(failures, options.MaxPeersPerChannel, nameof(options.MaxPeersPerChannel));
        AtLeastOne(failures, options.MaxConnectionsPerAccount, nameof(options.MaxConnectionsPerAccount));
        AtLeastOne(failures, options.MaxConnectionsPerAddress, nameof(options.MaxConnectionsPerAddress));
        AtLeastOne(failures, options.MaxFramesPerSecond, nameof(options.MaxFramesPerSecond));
        AtLeastOne(failures, options.MaxFrameBurst, nameof(options.MaxFrameBurst));
        AtLeastOne(failures, options.OutboundQueueCapacity, nameof(options.OutboundQueueCapacity));
        AtLeastOne(failures, options.ChannelLoops, nameof(options.ChannelLoops));
        if (options.OutboundQueueCapacity < options.MaxFrameBurst)
        {
            failures.Add($"OutboundQueueCapacity ({options.OutboundQueueCapacity}) must be at least MaxFrameBurst ({options.MaxFrameBurst}): a client's burst of requests is answered into its queue.");
        }

        if (options.MaxFrameBytes is < 1024 or > ProtocolCodec.MaxFrameLength)
        {
            failures.Add($"MaxFrameBytes must be from 1024 to {ProtocolCodec.MaxFrameLength} (the codec's limit).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The decoded signing key, or null when it is not base64.</summary>
    public static byte[]? SigningKeyBytes(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) ? buffer[..written] : null;
    }

    private static void Positive(List<string> failures, TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} must be positive.");
        }
    }

    private static void NotNegative(List<string> failures, TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            failures.Add($"{name} must not be negative.");
        }
    }

    private static void AtLeastOne(List<string> failures, int value, string name)
    {
        if (value < 1)
        {
            failures.Add($"{name} must be at least 1.");
        }
    }
}
