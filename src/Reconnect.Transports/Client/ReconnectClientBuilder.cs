using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Reconnect;

/// <summary>
/// Builds a <see cref="ReconnectClient"/>. A token provider and a transport are required; everything else has a
/// default: <see cref="ReconnectOptions"/> defaults, <see cref="TimeProvider.System"/>, no logging, a meter of the
/// client's own, <see cref="ClientRunMode.Background"/>, 256 buffered events per stream subscriber, a random seed.
/// </summary>
public sealed class ReconnectClientBuilder
{
    /// <summary>How many unread events each <see cref="ReconnectClient.Events"/> subscriber buffers unless told otherwise.</summary>
    public const int DefaultEventBufferCapacity = 256;

    private readonly List<IValidateOptions<ReconnectOptions>> _validators = [new ReconnectOptionsValidator()];
    private readonly List<DeclaredDataChannel> _dataChannels = [];
    private IOptions<ReconnectOptions>? _options;
    private TimeProvider _time = TimeProvider.System;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private IMeterFactory? _meterFactory;
    private ITokenProvider? _tokenProvider;
    private ITransportFactory? _transport;
    private ClientRunMode _runMode = ClientRunMode.Background;
    private int _eventBufferCapacity = DefaultEventBufferCapacity;
    private ulong? _seed;
    private Lock? _inlineGate;

    /// <summary>Uses these options; they are validated when the client is built.</summary>
    public ReconnectClientBuilder WithOptions(ReconnectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = Microsoft.Extensions.Options.Options.Create(options);
        return this;
    }

    /// <summary>Uses options from the options pattern; <c>Value</c> is read, and validated, when the client is built.</summary>
    public ReconnectClientBuilder WithOptions(IOptions<ReconnectOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        return this;
    }

    /// <summary>Adds a validator run besides <see cref="ReconnectOptionsValidator"/>.</summary>
    public ReconnectClientBuilder WithValidator(IValidateOptions<ReconnectOptions> validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validators.Add(validator);
        return this;
    }

    /// <summary>Uses this clock for the engine's time and timers.</summary>
    public ReconnectClientBuilder WithTimeProvider(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        return this;
    }

    /// <summary>Logs through this factory.</summary>
    public ReconnectClientBuilder WithLoggerFactory(ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _loggerFactory = loggerFactory;
        return this;
    }

    /// <summary>Creates the <see cref="ReconnectDiagnostics.MeterName"/> meter from this factory, which then owns it.</summary>
    public ReconnectClientBuilder WithMeterFactory(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meterFactory = meterFactory;
        return this;
    }

    /// <summary>Fetches tokens from this provider before every connect attempt.</summary>
    public ReconnectClientBuilder WithTokenProvider(ITokenProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        _tokenProvider = tokenProvider;
        return this;
    }

    /// <summary>Fetches tokens from this delegate before every connect attempt.</summary>
    public ReconnectClientBuilder WithTokenProvider(Func<CancellationToken, ValueTask<TokenGrant>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        _tokenProvider = new DelegateTokenProvider(fetch);
        return this;
    }

    /// <summary>Creates the signalling and media ports with this factory.</summary>
    public ReconnectClientBuilder WithTransport(ITransportFactory transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        _transport = transport;
        return this;
    }

    /// <summary>Runs the engine in this mode; <see cref="ClientRunMode.Inline"/> is for single-threaded tests in virtual time.</summary>
    public ReconnectClientBuilder WithRunMode(ClientRunMode runMode)
    {
        if (!Enum.IsDefined(runMode))
        {
            throw new ArgumentOutOfRangeException(nameof(runMode), runMode, "Not a defined run mode.");
        }

        _runMode = runMode;
        return this;
    }

    /// <summary>
    /// How many unread events each <see cref="ReconnectClient.Events"/> subscriber buffers; when one more comes, that
    /// subscriber's unread events are dropped and it reads an <see cref="EventsMissedEvent"/> and a fresh
    /// <see cref="CallSnapshotEvent"/> instead (see <see cref="ReconnectClient.Events"/>).
    /// </summary>
    public ReconnectClientBuilder WithEventBufferCapacity(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _eventBufferCapacity = capacity;
        return this;
    }

    /// <summary>
    /// Declares a data channel the library opens on every media connection to every remote peer and keeps sending on
    /// across reconnects (added to <c>ReconnectOptions.DataChannels.Channels</c>); send with
    /// <see cref="ReconnectClient.SendDataAsync"/>, receive with <see cref="ReconnectClient.DataReceived"/>.
    /// </summary>
    /// <param name="label">The channel's label, unique among the declared channels.</param>
    /// <param name="init">How it delivers (W3C <c>RTCDataChannelInit</c>); null for reliable and ordered.</param>
    public ReconnectClientBuilder WithDataChannel(string label, DataChannelInit? init = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        _dataChannels.Add(new DeclaredDataChannel(label, init));
        return this;
    }

    /// <summary>Seeds the engine's backoff jitter, for reproducible runs.</summary>
    public ReconnectClientBuilder WithSeed(ulong seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>
    /// Inline mode: handles every input under <paramref name="gate"/>, the lock the owner of the virtual clock holds
    /// while it runs it, so commands given from other threads (event handlers) wait for the clock instead of racing it.
    /// </summary>
    internal ReconnectClientBuilder WithInlineGate(Lock gate)
    {
        _inlineGate = gate ?? throw new ArgumentNullException(nameof(gate));
        return this;
    }

    /// <summary>Validates the options and builds the client, which starts at once in the <see cref="LocalPeerState.Idle"/> state.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; every failure is listed.</exception>
    /// <exception cref="InvalidOperationException">No token provider or no transport was given.</exception>
    public ReconnectClient Build()
    {
        var tokenProvider = _tokenProvider ?? throw new InvalidOperationException("A token provider is required: call WithTokenProvider.");
        var transport = _transport ?? throw new InvalidOperationException("A transport is required: call WithTransport.");
        var options = Validate(WithDeclaredChannels(_options?.Value ?? new ReconnectOptions()));
        var seed = _seed ?? BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
        return new ReconnectClient(new ClientSettings(
            options, _time, _loggerFactory, _meterFactory, tokenProvider, transport, _runMode, _eventBufferCapacity, seed, _inlineGate));
    }

    /// <summary>The options with the channels declared on the builder added after those the options declare.</summary>
    private ReconnectOptions WithDeclaredChannels(ReconnectOptions options) => _dataChannels.Count == 0 || options.DataChannels is null
        ? options
        : options with { DataChannels = options.DataChannels with { Channels = [.. options.DataChannels.Channels ?? [], .. _dataChannels] } };

    private ReconnectOptions Validate(ReconnectOptions options)
    {
        var name = Microsoft.Extensions.Options.Options.DefaultName;
        var failures = _validators
            .Select(v => v.Validate(name, options))
            .Where(r => r.Failed)
            .SelectMany(r => r.Failures ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return failures.Count == 0 ? options : throw new OptionsValidationException(name, typeof(ReconnectOptions), failures);
    }
}
