using System.Threading.Channels;
using Reconnect.Core.Engine;
using Reconnect.Hosting;

namespace Reconnect.Transports.Tests.WebSockets.Support;

/// <summary>An engine input sink that keeps every input, in order, for a test to await.</summary>
internal sealed class RecordingSink : IEngineInputSink
{
    private readonly Channel<EngineInput> _inputs = System.Threading.Channels.Channel.CreateUnbounded<EngineInput>();
    private readonly List<EngineInput> _seen = [];

    /// <summary>Every input read so far by <see cref="NextAsync{T}"/>, in order.</summary>
    public IReadOnlyList<EngineInput> Seen => _seen;

    public void Post(EngineInput input) => _inputs.Writer.TryWrite(input);

    /// <summary>Reads inputs until one of type <typeparamref name="T"/> matching <paramref name="match"/> arrives.</summary>
    public async Task<T> NextAsync<T>(Func<T, bool>? match = null)
        where T : EngineInput
    {
        using var patience = new CancellationTokenSource(Patience.Long);
        while (true)
        {
            EngineInput input;
            try
            {
                input = await _inputs.Reader.ReadAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No {typeof(T).Name} arrived; seen: {string.Join(", ", _seen)}");
            }

            _seen.Add(input);
            if (input is T typed && (match is null || match(typed)))
            {
                return typed;
            }
        }
    }
}
