namespace Reconnect.Samples.RealCall;

/// <summary>What the demo does: which server, how long A is offline, how long the call has to heal, where the trace goes.</summary>
public sealed record RealCallSettings
{
    /// <summary>The channel both peers join.</summary>
    public const string Channel = "room-42";

    /// <summary>A running server's HTTP address, or null to start one in this process.</summary>
    public Uri? Server { get; init; }

    /// <summary>Where the JSONL trace goes, or null for none.</summary>
    public string? TracePath { get; init; }

    /// <summary>How long A is offline: its signalling connections cut and its media host offline.</summary>
    public TimeSpan Cut { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long each phase (joined, healed) may take before the demo gives up.</summary>
    public TimeSpan Bound { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Reads <c>[--server URL] [--trace FILE]</c>; the error's text when an argument is unknown or malformed.
    /// </summary>
    public static (RealCallSettings? Settings, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new RealCallSettings();
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--server" when Uri.TryCreate(value, UriKind.Absolute, out var server) && server.Scheme is "http" or "https":
                    settings = settings with { Server = server };
                    i++;
                    break;
                case "--trace" when !string.IsNullOrEmpty(value):
                    settings = settings with { TracePath = value };
                    i++;
                    break;
                case "--server" or "--trace":
                    return (null, $"{args[i]} needs a value (--server http://host:port, --trace FILE).");
                default:
                    return (null, $"Unknown argument '{args[i]}'. Usage: RealCall [--server URL] [--trace FILE]");
            }
        }

        return (settings, null);
    }
}
