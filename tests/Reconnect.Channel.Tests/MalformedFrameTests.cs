using FsCheck;
using FsCheck.Fluent;
using Reconnect.Core.Protocol;

namespace Reconnect.Channel.Tests;

public sealed class MalformedFrameTests
{
    public static TheoryData<string> MalformedFrames() =>
    [
        string.Empty,
        "   ",
        "{not json",
        "null",
        "[]",
        "{}",
        "42",
        """{"type":"nope"}""",
        """{"type":"join"}""",
        """{"type":"join","channel":null,"peerId":"a","metadata":{},"streams":[],"resumeSessionId":null}""",
        """{"type":"join","channel":"","peerId":"a","metadata":{},"streams":[],"resumeSessionId":null}""",
        """{"type":"join","channel":"room","peerId":"","metadata":{},"streams":[],"resumeSessionId":null}""",
        """{"type":"join","channel":"room","peerId":"a","metadata":null,"streams":[],"resumeSessionId":null}""",
        """{"type":"join","channel":"room","peerId":"a","metadata":{},"streams":[null],"resumeSessionId":null}""",
        """{"type":"join","channel":"room","peerId":"a","metadata":{},"streams":[{"streamId":"","metadata":{}}],"resumeSessionId":null}""",
        """{"type":"roster-request"}""",
        """{"type":"ping","sequence":"x"}""",
        """{"type":"signal","to":"bob"}""",
        """{"type":"signal","to":"bob","payload":null}""",
        """{"type":"signal","to":"","payload":{"kind":"answer","generation":1,"sdp":"v=0"}}""",
        """{"type":"signal","to":"bob","payload":{"kind":"offer","generation":1}}""",
        """{"type":"signal","to":"bob","payload":{"kind":"warp","generation":1}}""",
        """{"type":"publish","stream":null}""",
        """{"type":"publish","stream":{"streamId":"","metadata":{}}}""",
        """{"type":"publish","stream":{"streamId":"cam","metadata":null}}""",
        """{"type":"unpublish","streamId":""}""",
        """{"type":"unpublish"}""",
        "{\"type\":\"ping\",\"sequence\":1,\"pad\":\"" + new string('x', ProtocolCodec.MaxFrameLength) + "\"}",
    ];

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void Malformed_frame_on_a_joined_connection_is_ignored_with_a_notice_and_sends_nothing(string frame)
    {
        var driver = new ServerDriver();
        driver.OpenAndJoin(1, "room", "alice");
        driver.OpenAndJoin(2, "room", "bob");

        var outputs = driver.Handle(new ClientFrameReceived(1, frame));

        Assert.Empty(outputs.Frames());
        Assert.Empty(outputs.Closes());
        var notice = Assert.Single(outputs);
        Assert.Equal(ChannelNoticeKinds.Malformed, Assert.IsType<ChannelNotice>(notice).Kind);
        Assert.Equal(["alice", "bob"], driver.Server.Roster("room").Select(p => p.PeerId));
    }

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public void Malformed_frame_before_join_is_ignored_with_a_notice_and_the_connection_stays_usable(string frame)
    {
        var driver = new ServerDriver();
        driver.Open(1);

        var outputs = driver.Handle(new ClientFrameReceived(1, frame));

        Assert.Equal(ChannelNoticeKinds.Malformed, Assert.IsType<ChannelNotice>(Assert.Single(outputs)).Kind);
        Assert.IsType<WelcomeMessage>(Assert.Single(driver.Join(1, "room", "alice").FramesTo(1)));
    }

    [Fact]
    public void Frame_on_an_unknown_connection_is_ignored_with_a_notice()
    {
        var driver = new ServerDriver();

        var outputs = driver.Handle(new ClientFrameReceived(99, ProtocolCodec.Encode(new PingMessage(1))));

        Assert.Equal(ChannelNoticeKinds.Ignored, Assert.IsType<ChannelNotice>(Assert.Single(outputs)).Kind);
    }

    [Fact]
    public void Random_frames_never_throw()
    {
        var property = Prop.ForAll(Arb.From(FrameGen.Frames.ListOf()), frames =>
        {
            var driver = new ServerDriver();
            driver.OpenAndJoin(1, "room", "alice");
            driver.OpenAndJoin(2, "room", "bob");
            driver.Open(3);
            foreach (var (frame, index) in frames.Select((f, i) => (f, i)))
            {
                driver.Handle(new ClientFrameReceived(1 + (index % 3), frame));
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}

/// <summary>Frames built from the protocol's vocabulary with random shapes, plus raw noise.</summary>
internal static class FrameGen
{
    private static readonly string[] Keys =
        ["type", "channel", "peerId", "metadata", "streams", "resumeSessionId", "requestId", "to", "payload", "kind",
         "generation", "sdp", "iceRestart", "candidate", "sequence", "stream", "streamId"];

    private static readonly string[] Words =
        ["join", "leave", "roster-request", "signal", "ping", "publish", "unpublish", "offer", "answer", "candidate",
         "room", "alice", "bob", "s1", "", "nope"];

    public static Gen<string> Frames => Gen.Frequency(
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
        (4, Object(2)));

    private static Gen<string> Value(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency((3, Scalar), (2, Object(depth - 1)), (1, Value(depth - 1).ListOf().Select(items => $"[{string.Join(",", items)}]")));

    private static Gen<string> Scalar => Gen.OneOf(
        Gen.Constant("null"),
        Gen.Constant("true"),
        Gen.Choose(-3, 3).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Gen.Elements(Words).Select(w => $"\"{w}\""));

    private static Gen<string> Object(int depth) =>
        Gen.Zip(Gen.Elements(Keys), Value(depth)).ListOf()
            .Select(fields => "{" + string.Join(",", fields.Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}");
}
