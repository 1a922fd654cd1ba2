using Reconnect.Testing.Bench;

namespace Reconnect.Browser.Page;

/// <summary>How the page's engine reconnects (the query's <c>policy</c>): this library's defaults, or the benches' baseline.</summary>
internal enum CallPolicy
{
    /// <summary>The default <see cref="ReconnectOptions"/>, fed the page's network-change signal (<c>policy=reconnect</c>, or none).</summary>
    Reconnect,

    /// <summary>The heal bench's baseline (<see cref="BaselinePolicy"/>): its options, and no network-change signal (<c>policy=baseline</c>).</summary>
    Baseline,
}

/// <summary>Names and settings of <see cref="CallPolicy"/>.</summary>
internal static class CallPolicies
{
    /// <summary>
    /// The policy a query value names: <c>reconnect</c> (or nothing) or <c>baseline</c>; anything else is refused with a
    /// <see cref="FormatException"/> whose message is the whole reason (no parameter name is appended: the WebAssembly
    /// build strips the runtime's resource strings, which would show as a resource key).
    /// </summary>
    public static CallPolicy Parse(string? text) => text switch
    {
        null or "" or "reconnect" => CallPolicy.Reconnect,
        BaselinePolicy.Name => CallPolicy.Baseline,
        _ => throw new FormatException($"Unknown policy '{text}': the page knows 'reconnect' and '{BaselinePolicy.Name}'."),
    };

    /// <summary>The policy's name on the query.</summary>
    public static string Name(this CallPolicy policy) => policy == CallPolicy.Baseline ? BaselinePolicy.Name : "reconnect";

    /// <summary>The engine options the policy runs with.</summary>
    public static ReconnectOptions Options(this CallPolicy policy) => policy == CallPolicy.Baseline ? BaselinePolicy.Options.ToOptions() : new ReconnectOptions();

    /// <summary>Whether the page feeds <c>online</c>, <c>offline</c> and network changes into the engine under the policy.</summary>
    public static bool HearsNetworkSignal(this CallPolicy policy) => policy == CallPolicy.Reconnect || BaselinePolicy.HearsNetworkSignal;
}
