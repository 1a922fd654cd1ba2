namespace Reconnect.Testing.Trace;

/// <summary>How many errors of one type a peer raised.</summary>
/// <param name="Type">The error's type name, as in the error event's reason.</param>
/// <param name="Count">How many.</param>
public sealed record ErrorCount(string Type, int Count);
