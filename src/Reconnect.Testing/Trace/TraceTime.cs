using System.Globalization;

namespace Reconnect.Testing.Trace;

/// <summary>Milliseconds written as seconds with three decimals, computed on integers so the text is exact.</summary>
public static class TraceTime
{
    /// <summary>Milliseconds as seconds, such as <c>12.512</c> for 12512 or <c>-0.005</c> for -5.</summary>
    public static string Seconds(long milliseconds)
    {
        var sign = milliseconds < 0 ? "-" : string.Empty;
        var magnitude = milliseconds < 0 ? -(Int128)milliseconds : milliseconds;
        var whole = (magnitude / 1000).ToString(CultureInfo.InvariantCulture);
        var fraction = ((int)(magnitude % 1000)).ToString("D3", CultureInfo.InvariantCulture);
        return $"{sign}{whole}.{fraction}";
    }
}
