using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Reconnect.Server.Tests;

/// <summary>Keeps every log line the server writes at Information or above, for tests that check a refusal is logged with why.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    /// <summary>Every line so far, as <c>Level Category: message</c>.</summary>
    public IReadOnlyList<string> Lines => [.. lines];

    /// <summary>True once a line containing <paramref name="fragment"/> was logged, within the raw client's patience.</summary>
    public async Task<bool> LoggedAsync(string fragment)
    {
        using var patience = new CancellationTokenSource(Reconnect.TestSupport.Signalling.RawClient.Patience);
        while (!lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)))
        {
            if (patience.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        return true;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}
