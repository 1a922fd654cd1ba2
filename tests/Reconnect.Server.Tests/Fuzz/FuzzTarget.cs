namespace Reconnect.Server.Tests.Fuzz;

/// <summary>A live server to fuzz: where its signalling socket is, how to get tokens, and how to list its sessions.</summary>
/// <param name="SignalUri">The <c>/signal</c> WebSocket address.</param>
/// <param name="TokenFor">A token for an account, allowed the channels of the given pattern (null: any).</param>
/// <param name="ListPeers">Every session the server holds as <c>channel/peerId</c>, sorted; null when unknown (no admin key).</param>
internal sealed record FuzzTarget(Uri SignalUri, Func<string, string?, Task<string>> TokenFor, Func<Task<IReadOnlyList<string>>>? ListPeers);
