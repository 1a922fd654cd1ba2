using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Protocol;

public sealed class ProtocolCodecRoundTripTests
{
    public static TheoryData<string> ClientTypes => [.. ProtocolGenerators.ClientMessagesByType.Keys];

    public static TheoryData<string> ServerTypes => [.. ProtocolGenerators.ServerMessagesByType.Keys];

    public static TheoryData<string> PayloadKinds => [.. ProtocolGenerators.PayloadsByKind.Keys];

    [Theory]
    [MemberData(nameof(ClientTypes))]
    public void Every_client_message_survives_encode_then_decode(string type)
    {
        Prop.ForAll(ProtocolGenerators.ClientMessagesByType[type].ToArbitrary(), message =>
        {
            var json = ProtocolCodec.Encode(message);
            var decoded = ProtocolCodec.TryDecodeClientMessage(json, out var back, out var error);
            return (decoded && SameClient(message, back!) && ProtocolCodec.Encode(back!) == json)
                .Label($"type={type} json={json} decoded={decoded} error={error} back={(back is null ? "-" : ProtocolCodec.Encode(back))}");
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(ServerTypes))]
    public void Every_server_message_survives_encode_then_decode(string type)
    {
        Prop.ForAll(ProtocolGenerators.ServerMessagesByType[type].ToArbitrary(), message =>
        {
            var json = ProtocolCodec.Encode(message);
            var decoded = ProtocolCodec.TryDecodeServerMessage(json, out var back, out var error);
            return (decoded && SameServer(message, back!) && ProtocolCodec.Encode(back!) == json)
                .Label($"type={type} json={json} decoded={decoded} error={error} back={(back is null ? "-" : ProtocolCodec.Encode(back))}");
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(ClientTypes))]
    public void A_client_message_carries_its_type_discriminator(string type)
    {
        Prop.ForAll(ProtocolGenerators.ClientMessagesByType[type].ToArbitrary(), message =>
        {
            var json = ProtocolCodec.Encode(message);
            return (Discriminator(json, "type") == type).Label($"expected type={type} json={json}");
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(ServerTypes))]
    public void A_server_message_carries_its_type_discriminator(string type)
    {
        Prop.ForAll(ProtocolGenerators.ServerMessagesByType[type].ToArbitrary(), message =>
        {
            var json = ProtocolCodec.Encode(message);
            return (Discriminator(json, "type") == type).Label($"expected type={type} json={json}");
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(PayloadKinds))]
    public void A_signal_payload_carries_its_kind_discriminator_both_ways(string kind)
    {
        var cases = Gen.Zip(ProtocolGenerators.Id, ProtocolGenerators.PayloadsByKind[kind]).ToArbitrary();

        Prop.ForAll(cases, c =>
        {
            var (peer, payload) = c;
            var sent = ProtocolCodec.Encode(new RelaySignalMessage(peer, payload));
            var relayed = ProtocolCodec.Encode(new SignalRelayedMessage(peer, payload));
            return (PayloadKind(sent) == kind && PayloadKind(relayed) == kind)
                .Label($"expected kind={kind} sent={sent} relayed={relayed}");
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_join_is_encoded_with_camel_case_fields_and_a_join_type()
    {
        var join = new JoinMessage(
            "room",
            "alice",
            new Dictionary<string, string> { ["role"] = "host" },
            [new StreamInfo("cam", new Dictionary<string, string> { ["source"] = "camera" })],
            null);

        Assert.Equal(
            """{"type":"join","channel":"room","peerId":"alice","metadata":{"role":"host"},"streams":[{"streamId":"cam","metadata":{"source":"camera"}}],"resumeSessionId":null,"pingIntervalMs":null}""",
            ProtocolCodec.Encode(join));
    }

    [Fact]
    public void An_offer_signal_is_encoded_with_a_kind_inside_the_payload()
    {
        var json = ProtocolCodec.Encode(new RelaySignalMessage("bob", new OfferSignal(3, "v=0", IceRestart: true)));

        using var document = JsonDocument.Parse(json);
        var payload = document.RootElement.GetProperty("payload");
        Assert.Equal("signal", document.RootElement.GetProperty("type").GetString());
        Assert.Equal("bob", document.RootElement.GetProperty("to").GetString());
        Assert.Equal("offer", payload.GetProperty("kind").GetString());
        Assert.Equal(3, payload.GetProperty("generation").GetInt32());
        Assert.Equal("v=0", payload.GetProperty("sdp").GetString());
        Assert.True(payload.GetProperty("iceRestart").GetBoolean());
    }

    [Fact]
    public void The_type_discriminator_may_come_after_the_fields()
    {
        Assert.True(ProtocolCodec.TryDecodeClientMessage("""{"requestId":7,"type":"roster-request"}""", out var message, out var error), error);
        Assert.Equal(new RosterRequestMessage(7), message);
    }

    public static TheoryData<string, string> FramesWithoutTheNewerFields => new()
    {
        { """{"type":"roster","requestId":3,"peers":[]}""", "roster" },
        { """{"type":"peer-joined","peer":{"peerId":"b","sessionId":"s","metadata":{},"streams":[]}}""", "peer-joined" },
        { """{"type":"peer-left","peerId":"b","sessionId":"s","reason":"left"}""", "peer-left" },
        { """{"type":"peer-updated","peer":{"peerId":"b","sessionId":"s","metadata":{},"streams":[]}}""", "peer-updated" },
        { """{"type":"welcome","peerId":"a","sessionId":"s","resumed":false}""", "welcome" },
    };

    [Theory]
    [MemberData(nameof(FramesWithoutTheNewerFields))]
    public void A_frame_from_a_server_without_versions_or_grace_still_decodes_as_unversioned(string frame, string type)
    {
        Assert.True(ProtocolCodec.TryDecodeServerMessage(frame, out var message, out var error), $"{type}: {error}");

        var (version, grace) = message switch
        {
            RosterMessage m => (m.Version, (long?)null),
            PeerJoinedMessage m => (m.Version, null),
            PeerLeftMessage m => (m.Version, null),
            PeerUpdatedMessage m => (m.Version, null),
            WelcomeMessage m => (0, m.SilenceGraceMs),
            _ => (-1, null),
        };
        Assert.Equal((0L, (long?)null), (version, grace));
    }

    [Fact]
    public void A_join_from_a_client_that_announces_no_ping_interval_still_decodes()
    {
        Assert.True(ProtocolCodec.TryDecodeClientMessage(
            """{"type":"join","channel":"room","peerId":"alice","metadata":{},"streams":[],"resumeSessionId":null}""", out var message, out var error), error);

        Assert.Null(Assert.IsType<JoinMessage>(message).PingIntervalMs);
    }

    [Fact]
    public void A_welcome_without_ice_servers_leaves_the_field_out_and_one_with_them_carries_them_both_ways()
    {
        var bare = ProtocolCodec.Encode(new WelcomeMessage("a", "s", false, 1000));
        var granted = ProtocolCodec.Encode(new WelcomeMessage("a", "s", false, 1000, [new IceServer(["turn:t:3478"], "u", "p")]));

        Assert.DoesNotContain("iceServers", bare, StringComparison.Ordinal);
        Assert.True(ProtocolCodec.TryDecodeServerMessage(granted, out var message, out var error), error);
        var ice = Assert.Single(Assert.IsType<WelcomeMessage>(message).IceServers!);
        Assert.Equal(("turn:t:3478", "u", "p"), (Assert.Single(ice.Urls), ice.Username, ice.Credential));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        Assert.True(ProtocolCodec.TryDecodeServerMessage("""{"type":"pong","sequence":9,"extra":{"a":[1,2]}}""", out var message, out var error), error);
        Assert.Equal(new PongMessage(9), message);
    }

    private static string? Discriminator(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty(name).GetString();
    }

    private static string? PayloadKind(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("payload").GetProperty("kind").GetString();
    }

    /// <summary>Field-by-field equality; lists and dictionaries by content, since record equality compares them by reference.</summary>
    private static bool SameClient(ClientMessage expected, ClientMessage actual) => (expected, actual) switch
    {
        (JoinMessage e, JoinMessage a) =>
            e.Channel == a.Channel
            && e.PeerId == a.PeerId
            && MetadataEquality.Same(e.Metadata, a.Metadata)
            && e.Streams.SequenceEqual(a.Streams)
            && e.ResumeSessionId == a.ResumeSessionId
            && e.PingIntervalMs == a.PingIntervalMs,
        _ => expected.Equals(actual),
    };

    /// <summary>Field-by-field equality; lists by content, since record equality compares them by reference.</summary>
    private static bool SameServer(ServerMessage expected, ServerMessage actual) => (expected, actual) switch
    {
        (RosterMessage e, RosterMessage a) => e.RequestId == a.RequestId && e.Peers.SequenceEqual(a.Peers) && e.Version == a.Version,
        _ => expected.Equals(actual),
    };
}
