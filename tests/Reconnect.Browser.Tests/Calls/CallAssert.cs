using Reconnect.Browser.Harness.Pages;
using Reconnect.Testing.Trace;

namespace Reconnect.Browser.Tests.Calls;

/// <summary>What the heal tests assert about a call before and after a fault.</summary>
internal static class CallAssert
{
    /// <summary>
    /// Every page still sees every remote peer it saw before, as the same RemotePeer object (same objectId) with the
    /// same stream ids; with <paramref name="sameGeneration"/>, on the same media connection too.
    /// </summary>
    public static void IdentityKept(
        IReadOnlyDictionary<(string Page, string Remote), PageRemotePeer> before,
        IReadOnlyDictionary<(string Page, string Remote), PageRemotePeer> after,
        bool sameGeneration,
        string context)
    {
        foreach (var ((page, remote), was) in before)
        {
            Assert.True(after.TryGetValue((page, remote), out var now), $"{page} lost its RemotePeer for {remote}.\n{context}");
            Assert.True(was.ObjectId == now.ObjectId, $"{page}'s RemotePeer for {remote} was replaced: object {was.ObjectId} -> {now.ObjectId}.\n{context}");
            Assert.True(was.Streams.Order(StringComparer.Ordinal).SequenceEqual(now.Streams.Order(StringComparer.Ordinal)), $"{page}'s streams of {remote} changed: [{string.Join(", ", was.Streams)}] -> [{string.Join(", ", now.Streams)}].\n{context}");
            if (sameGeneration)
            {
                Assert.True(was.Generation == now.Generation, $"{page}'s media connection to {remote} was rebuilt: generation {was.Generation} -> {now.Generation}.\n{context}");
            }
        }
    }

    /// <summary>The events of <paramref name="kind"/> in <paramref name="trace"/>, for a message.</summary>
    public static string Lines(IEnumerable<TraceEvent> trace, string kind) =>
        string.Join("\n", trace.Where(e => e.Event == kind).Select(TraceJson.Format));
}
