using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Reconnect.Transports.Tests.Client.Support;

/// <summary>One log entry.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

/// <summary>A logger factory that keeps every entry, from any thread.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("The recording factory has no providers.");

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, formatter(state, exception), exception));
    }
}
