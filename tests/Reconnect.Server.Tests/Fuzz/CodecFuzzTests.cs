using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>The codec under fuzzed frames: a decode never throws, it succeeds or says why; a success re-encodes and decodes again.</summary>
public sealed class CodecFuzzTests
{
    private const int FramesPerDirection = 100_000;

    [Fact]
    public void Fuzzed_frames_decode_to_a_message_or_a_typed_failure_never_an_exception()
    {
        var seed = FuzzSeed.FromEnvironment();
        TestContext.Current.SendDiagnosticMessage($"codec fuzz {FuzzSeed.Tag(seed)}");
        var fuzzer = new FrameFuzzer(seed);
        var problems = new List<string>();
        var decoded = 0;
        for (var i = 0; i < FramesPerDirection && problems.Count < 10; i++)
        {
            decoded += Check(fuzzer.NextClientFrame(), problems) + Check(fuzzer.NextServerFrame(), problems);
        }

        Assert.True(problems.Count == 0, $"{FuzzSeed.Tag(seed)}: {problems.Count} frames broke the codec:\n{string.Join("\n", problems)}");
        Assert.InRange(decoded, 1, (2 * FramesPerDirection * 2) - 1);
    }

    [Fact]
    public void The_same_seed_yields_the_same_frames()
    {
        var seed = FuzzSeed.FromEnvironment();
        static string Frames(ulong seed)
        {
            var fuzzer = new FrameFuzzer(seed);
            return string.Join("\n", Enumerable.Range(0, 2000).Select(_ => Convert.ToBase64String(fuzzer.NextClientFrame().Bytes) + Convert.ToBase64String(fuzzer.NextJoin("c", "p").Bytes)));
        }

        Assert.True(Frames(seed) == Frames(seed), $"{FuzzSeed.Tag(seed)}: two fuzzers with one seed drew different frames");
    }

    /// <summary>Decodes a frame both ways; returns how many decodes succeeded and records any exception or inconsistency.</summary>
    private static int Check(FuzzFrame frame, List<string> problems)
    {
        try
        {
            var client = ProtocolCodec.TryDecodeClientMessage(frame.Text, out var clientMessage, out var clientError);
            var server = ProtocolCodec.TryDecodeServerMessage(frame.Text, out var serverMessage, out var serverError);
            if ((!client && string.IsNullOrEmpty(clientError)) || (!server && string.IsNullOrEmpty(serverError)))
            {
                problems.Add($"failure without a reason: {frame}");
            }

            if (client && !ProtocolCodec.TryDecodeClientMessage(ProtocolCodec.Encode(clientMessage!), out _, out var again))
            {
                problems.Add($"decoded {clientMessage!.GetType().Name} does not decode once re-encoded ({again}): {frame}");
            }

            if (server && !ProtocolCodec.TryDecodeServerMessage(ProtocolCodec.Encode(serverMessage!), out _, out var againServer))
            {
                problems.Add($"decoded {serverMessage!.GetType().Name} does not decode once re-encoded ({againServer}): {frame}");
            }

            return (client ? 1 : 0) + (server ? 1 : 0);
        }
        catch (Exception ex)
        {
            problems.Add($"{ex.GetType().Name} {ex.Message}: {frame}");
            return 0;
        }
    }
}
