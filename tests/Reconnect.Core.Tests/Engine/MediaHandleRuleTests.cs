using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Reconnect.Core.Engine;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Engine;

/// <summary>
/// Media handles pass through the engine untouched: the handle the port reports with a remote stream rides the
/// stream-added notice (also when the roster announces the stream later, or a re-announcement binds it again); a local
/// stream's handle rides the connection effects; and a handle is no part of a stream's equality nor of the wire.
/// </summary>
public sealed class MediaHandleRuleTests
{
    [Fact]
    public void The_handle_a_remote_stream_arrives_with_rides_its_stream_added_notice()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        var handle = new object();

        var step = h.Feed(new RemoteStreamArrived("B", 1, "cam", handle));

        Assert.Same(handle, Assert.Single(step.OfType<StreamAddedNotice>()).Media);
    }

    [Fact]
    public void The_handle_of_a_stream_the_roster_announces_only_later_rides_its_stream_added_notice()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        var handle = new object();
        Assert.Empty(h.Feed(new RemoteStreamArrived("B", 1, "cam", handle)).OfType<StreamAddedNotice>());

        var step = h.ServerSends(new PeerUpdatedMessage(EngineHarness.Peer("B", streams: "cam")));

        Assert.Same(handle, Assert.Single(step.OfType<StreamAddedNotice>()).Media);
    }

    [Fact]
    public void A_stream_withdrawn_and_announced_again_on_the_same_connection_keeps_its_handle()
    {
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B", streams: "cam"));
        var handle = new object();
        h.Feed(new RemoteStreamArrived("B", 1, "cam", handle));
        h.ServerSends(new PeerUpdatedMessage(EngineHarness.Peer("B")));

        var step = h.ServerSends(new PeerUpdatedMessage(EngineHarness.Peer("B", streams: "cam")));

        Assert.Same(handle, Assert.Single(step.OfType<StreamAddedNotice>()).Media);
    }

    [Fact]
    public void A_local_stream_handle_rides_the_connection_it_is_attached_to()
    {
        var handle = new object();
        var h = new EngineHarness().Join("A", "room", EngineHarness.Peer("B"));
        h.Feed(new LocalStreamAdded(new StreamInfo("cam", EngineHarness.Meta()) { Media = handle }));
        Assert.Same(handle, h.Last<AttachLocalStream>().Stream.Media);

        h.ServerSends(new PeerJoinedMessage(EngineHarness.Peer("C")));

        Assert.Same(handle, Assert.Single(h.Last<CreateConnection>().LocalStreams).Media);
    }

    [Property]
    public Property Stream_equality_and_hash_ignore_the_handle(NonEmptyString id, string? key, string? value, bool firstHasHandle)
    {
        var metadata = key is null || value is null ? EngineHarness.Meta() : EngineHarness.Meta((key, value));
        var plain = new StreamInfo(id.Get, metadata);
        var handled = plain with { Media = new object() };
        var other = firstHasHandle ? handled : plain;
        return (other.Equals(handled with { Media = new object() }) && other.GetHashCode() == handled.GetHashCode() && plain == handled)
            .Label($"stream {id.Get} [{key}={value}]");
    }

    [Fact]
    public void Streams_differing_in_id_or_metadata_stay_unequal_whatever_their_handles()
    {
        var handle = new object();
        var cam = new StreamInfo("cam", EngineHarness.Meta(("kind", "camera"))) { Media = handle };

        Assert.NotEqual(cam, new StreamInfo("mic", EngineHarness.Meta(("kind", "camera"))) { Media = handle });
        Assert.NotEqual(cam, new StreamInfo("cam", EngineHarness.Meta(("kind", "screen"))) { Media = handle });
    }

    [Fact]
    public void The_handle_never_goes_on_the_wire()
    {
        var message = new PublishStreamMessage(new StreamInfo("cam", EngineHarness.Meta()) { Media = new { Secret = "track" } });

        var json = ProtocolCodec.Encode(message);

        Assert.DoesNotContain("Secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("media", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonDocument.Parse(ProtocolCodec.Encode(new PublishStreamMessage(new StreamInfo("cam", EngineHarness.Meta())))).RootElement.ToString(), JsonDocument.Parse(json).RootElement.ToString());
    }
}
