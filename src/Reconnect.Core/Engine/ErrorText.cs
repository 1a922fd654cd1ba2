namespace Reconnect.Core.Engine;

/// <summary>Builds the readable messages of <see cref="ReconnectError"/> records.</summary>
internal static class ErrorText
{
    /// <summary>The head, then the separator and the detail when there is one, then a full stop.</summary>
    public static string Join(string head, string separator, string detail) =>
        detail.Length == 0 ? $"{head}." : $"{head}{separator}{detail}.";
}
