using Microsoft.Extensions.Options;
using Reconnect.Channel;
using Reconnect.Server.Auth;

namespace Reconnect.Server.Hosting;

/// <summary>
/// Spreads channels over a fixed set of local loops by a stable hash of the channel name (not the per-process
/// randomized string hash), so a channel's peers always meet in one <see cref="ChannelServer"/>.
/// </summary>
internal sealed class LocalChannelOwnership : IChannelOwnership
{
    private readonly ChannelLoop[] loops;

    /// <summary>Creates <see cref="ReconnectServerOptions.ChannelLoops"/> loops, each over its own channel logic.</summary>
    public LocalChannelOwnership(IOptions<ReconnectServerOptions> options, JwtTokens tokens, TokenRevocations revocations, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        loops = [.. Enumerable.Range(0, settings.ChannelLoops).Select(index => new ChannelLoop(
            index,
            new ChannelServer(settings.ToChannelOptions() with { SessionIdPrefix = SessionPrefix(index) }, tokens),
            tokens,
            revocations,
            time,
            loggers.CreateLogger<ChannelLoop>()))];
    }

    /// <inheritdoc />
    public IReadOnlyList<ChannelLoop> Loops => loops;

    /// <inheritdoc />
    public ChannelLoop OwnerOf(string channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return loops[(int)(Fnv1a(channel) % (uint)loops.Length)];
    }

    /// <summary>The 32-bit FNV-1a hash of a name's UTF-16 code units: the same in every process.</summary>
    private static uint Fnv1a(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>A session id prefix unique to this process and loop, so no new session reuses the id of one a restart lost.</summary>
    private static string SessionPrefix(int index) =>
        $"{Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}-{index}-";
}
