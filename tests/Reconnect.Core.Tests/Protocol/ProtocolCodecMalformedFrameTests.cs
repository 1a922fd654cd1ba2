using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Protocol;

namespace Reconnect.Core.Tests.Protocol;

public sealed class ProtocolCodecMalformedFrameTests
{
    private const string ValidJoin =
        """{"type":"join","channel":"room","peerId":"alice","metadata":{},"streams":[],"resumeSessionId":null}""";

    public static TheoryData<string, string> MalformedClientFrames => new()
    {
        { "empty", "" },
        { "not JSON", "hello" },
        { "JSON array", """[{"type":"leave"}]""" },
        { "JSON string", "\"leave\"" },
        { "JSON number", "42" },
        { "JSON null", "null" },
        { "no type", """{"requestId":1}""" },
        { "unknown type", """{"type":"teleport"}""" },
        { "type of the wrong case", """{"type":"Leave"}""" },
        { "numeric type", """{"type":5}""" },
        { "missing required field", """{"type":"roster-request"}""" },
        { "missing nullable field", """{"type":"join","channel":"room","peerId":"alice","metadata":{},"streams":[]}""" },
        { "null for a string", """{"type":"join","channel":null,"peerId":"alice","metadata":{},"streams":[],"resumeSessionId":null}""" },
        { "null for a dictionary", """{"type":"join","channel":"room","peerId":"alice","metadata":null,"streams":[],"resumeSessionId":null}""" },
        { "number for a string", """{"type":"unpublish","streamId":12}""" },
        { "string for a dictionary", """{"type":"join","channel":"room","peerId":"alice","metadata":"x","streams":[],"resumeSessionId":null}""" },
        { "object for a list", """{"type":"join","channel":"room","peerId":"alice","metadata":{},"streams":{},"resumeSessionId":null}""" },
        { "boolean for a number", """{"type":"ping","sequence":true}""" },
        { "fraction for an integer", """{"type":"roster-request","requestId":1.5}""" },
        { "integer overflow", """{"type":"roster-request","requestId":2147483648}""" },
        { "string for a boolean", """{"type":"signal","to":"bob","payload":{"kind":"offer","generation":1,"sdp":"v=0","iceRestart":"yes"}}""" },
        { "payload without kind", """{"type":"signal","to":"bob","payload":{"generation":1,"sdp":"v=0"}}""" },
        { "payload of unknown kind", """{"type":"signal","to":"bob","payload":{"kind":"bye","generation":1}}""" },
        { "payload missing its candidate", """{"type":"signal","to":"bob","payload":{"kind":"candidate","generation":1}}""" },
        { "truncated", """{"type":"ping","sequence":1""" },
        { "trailing garbage", """{"type":"leave"} x""" },
        { "two values", """{"type":"leave"}{"type":"leave"}""" },
        { "single quotes", "{'type':'leave'}" },
        { "nested too deep", string.Concat(Enumerable.Repeat("""{"a":""", 100)) + "1" + new string('}', 100) },
    };

    public static TheoryData<string, string> MalformedServerFrames => new()
    {
        { "empty", "" },
        { "JSON array", "[]" },
        { "unknown type", """{"type":"teleport"}""" },
        { "client type sent by the server", """{"type":"join","channel":"room","peerId":"alice","metadata":{},"streams":[],"resumeSessionId":null}""" },
        { "missing required field", """{"type":"welcome","peerId":"alice","sessionId":"s1"}""" },
        { "string for a boolean", """{"type":"welcome","peerId":"alice","sessionId":"s1","resumed":"true"}""" },
        { "object for a list", """{"type":"roster","requestId":0,"peers":{}}""" },
        { "roster entry missing its session", """{"type":"roster","requestId":0,"peers":[{"peerId":"a","metadata":{},"streams":[]}]}""" },
        { "fraction for a nullable integer", """{"type":"going-away","retryAfterMs":0.5}""" },
        { "truncated", """{"type":"evicted","reason":"net""" },
    };

    [Theory]
    [MemberData(nameof(MalformedClientFrames))]
    public void A_malformed_client_frame_is_rejected_with_a_reason(string caseName, string frame)
    {
        var decoded = ProtocolCodec.TryDecodeClientMessage(frame, out var message, out var error);

        Assert.False(decoded, $"{caseName} decoded to {message}");
        Assert.Null(message);
        Assert.False(string.IsNullOrWhiteSpace(error), $"{caseName} gave no reason");
    }

    [Theory]
    [MemberData(nameof(MalformedServerFrames))]
    public void A_malformed_server_frame_is_rejected_with_a_reason(string caseName, string frame)
    {
        var decoded = ProtocolCodec.TryDecodeServerMessage(frame, out var message, out var error);

        Assert.False(decoded, $"{caseName} decoded to {message}");
        Assert.Null(message);
        Assert.False(string.IsNullOrWhiteSpace(error), $"{caseName} gave no reason");
    }

    [Fact]
    public void A_frame_longer_than_the_limit_is_rejected_before_parsing()
    {
        var frame = ValidJoin + new string(' ', ProtocolCodec.MaxFrameLength - ValidJoin.Length + 1);

        Assert.False(ProtocolCodec.TryDecodeClientMessage(frame, out _, out var error));
        Assert.Contains(ProtocolCodec.MaxFrameLength.ToString(System.Globalization.CultureInfo.InvariantCulture), error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_frame_of_exactly_the_limit_is_accepted()
    {
        var frame = ValidJoin + new string(' ', ProtocolCodec.MaxFrameLength - ValidJoin.Length);

        Assert.True(ProtocolCodec.TryDecodeClientMessage(frame, out var message, out var error), error);
        Assert.IsType<JoinMessage>(message);
    }

    [Fact]
    public void Every_strict_prefix_of_a_client_message_is_rejected()
    {
        var cases = ProtocolGenerators.AnyClientMessage
            .SelectMany(m => ProtocolCodec.Encode(m) is var json ? Gen.Choose(0, json.Length - 1).Select(n => json[..n]) : Gen.Constant(""))
            .ToArbitrary();

        Prop.ForAll(cases, prefix => Rejected(ProtocolCodec.TryDecodeClientMessage(prefix, out _, out var error), error)
            .Label($"prefix={prefix} error={error}")).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Every_strict_prefix_of_a_server_message_is_rejected()
    {
        var cases = ProtocolGenerators.AnyServerMessage
            .SelectMany(m => ProtocolCodec.Encode(m) is var json ? Gen.Choose(0, json.Length - 1).Select(n => json[..n]) : Gen.Constant(""))
            .ToArbitrary();

        Prop.ForAll(cases, prefix => Rejected(ProtocolCodec.TryDecodeServerMessage(prefix, out _, out var error), error)
            .Label($"prefix={prefix} error={error}")).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoding_any_string_never_throws_and_a_failure_always_says_why()
    {
        var frames = Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
                Mutated(ProtocolGenerators.AnyClientMessage.Select(ProtocolCodec.Encode)),
                Mutated(ProtocolGenerators.AnyServerMessage.Select(ProtocolCodec.Encode)))
            .ToArbitrary();

        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1_000),
            Prop.ForAll(frames, frame =>
            {
                var client = ProtocolCodec.TryDecodeClientMessage(frame, out var clientMessage, out var clientError);
                var server = ProtocolCodec.TryDecodeServerMessage(frame, out var serverMessage, out var serverError);
                return (Consistent(client, clientMessage, clientError) && Consistent(server, serverMessage, serverError))
                    .Label($"frame={frame} client=({client}, {clientError}) server=({server}, {serverError})");
            }));
    }

    [Fact]
    public void A_lone_surrogate_anywhere_in_a_frame_is_rejected_with_a_reason_never_an_exception()
    {
        var cases =
            (from json in Gen.OneOf(ProtocolGenerators.AnyClientMessage.Select(ProtocolCodec.Encode), ProtocolGenerators.AnyServerMessage.Select(ProtocolCodec.Encode))
             from at in Gen.Choose(0, json.Length)
             from lone in Gen.Elements("\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uDC00\uD800")
             select json.Insert(at, lone)).ToArbitrary();

        Prop.ForAll(cases, frame =>
                (Rejected(ProtocolCodec.TryDecodeClientMessage(frame, out _, out var clientError), clientError)
                    && Rejected(ProtocolCodec.TryDecodeServerMessage(frame, out _, out var serverError), serverError)
                    && clientError!.Contains("lone surrogate", StringComparison.Ordinal))
                .Label($"frame={frame} error={clientError}"))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_surrogate_pair_is_text_and_decodes()
    {
        Assert.True(ProtocolCodec.TryDecodeClientMessage("{\"type\":\"unpublish\",\"streamId\":\"\uD83D\uDE00\"}", out var message, out var error), error);
        Assert.Equal("\uD83D\uDE00", Assert.IsType<UnpublishStreamMessage>(message).StreamId);
    }

    private static bool Rejected(bool decoded, string? error) => !decoded && !string.IsNullOrWhiteSpace(error);

    private static bool Consistent(bool decoded, object? message, string? error) =>
        decoded ? message is not null && error is null : message is null && !string.IsNullOrWhiteSpace(error);

    /// <summary>Valid frames with one character replaced, inserted or deleted at a random place.</summary>
    private static Gen<string> Mutated(Gen<string> frames) =>
        from frame in frames
        from at in Gen.Choose(0, frame.Length - 1)
        from c in Gen.Elements('{', '}', '[', ']', '"', ':', ',', '\\', '0', 'x', ' ', '\0', 'é')
        from edit in Gen.Choose(0, 2)
        select edit switch
        {
            0 => frame.Remove(at, 1).Insert(at, c.ToString()),
            1 => frame.Insert(at, c.ToString()),
            _ => frame.Remove(at, 1),
        };
}
