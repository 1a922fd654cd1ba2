using System.Text;
using System.Text.Json.Nodes;
using Reconnect.Core.Protocol;

namespace Reconnect.Server.Tests.Fuzz;

/// <summary>
/// A grammar-aware frame fuzzer: valid messages from the codec, then mutated in the JSON tree (fields flipped to another
/// JSON type, removed, renamed, discriminators swapped, huge numbers, deep nesting) or as text and bytes (duplicated
/// fields, truncation, bad escapes, lone surrogates, invalid UTF-8), plus binary, empty and junk frames. The same seed
/// yields the same frames.
/// </summary>
internal sealed class FrameFuzzer
{
    private static readonly string[] Discriminators =
        ["join", "leave", "roster-request", "signal", "ping", "publish", "unpublish", "welcome", "roster", "peer-joined", "peer-left", "peer-updated", "pong", "going-away", "evicted", "offer", "answer", "candidate", "JOIN", "", "__proto__"];

    private static readonly string[] Numbers =
        ["1e309", "-1e309", "99999999999999999999999999", "-9223372036854775809", "9223372036854775808", "2147483648", "-0", "1.5", "0.0000001", "1E2", "0x10", "NaN", "Infinity", "-", "01"];

    /// <summary>The mutation name of frames that are not valid UTF-8.</summary>
    public const string InvalidUtf8Mutation = "invalid utf-8";

    private readonly Random random;
    private readonly SampleMessages samples;

    /// <summary>A fuzzer whose every draw comes from <paramref name="seed"/>.</summary>
    public FrameFuzzer(ulong seed)
    {
        random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        samples = new SampleMessages(random);
    }

    /// <summary>A fuzzed frame built from a client message.</summary>
    public FuzzFrame NextClientFrame() => Mutate(ProtocolCodec.Encode(samples.Client()));

    /// <summary>A fuzzed frame built from a server message.</summary>
    public FuzzFrame NextServerFrame() => Mutate(ProtocolCodec.Encode(samples.Server()));

    /// <summary>A join for the given channel and peer, left valid or mutated.</summary>
    public FuzzFrame NextJoin(string channel, string peerId)
    {
        var join = ProtocolCodec.Encode(samples.Join(channel, peerId) with { ResumeSessionId = null, PingIntervalMs = 1000 });
        return random.Next(3) == 0 ? FuzzFrame.OfText(join, "valid join") : Mutate(join);
    }

    /// <summary>A valid message a joined client may send without touching other channels.</summary>
    public FuzzFrame NextHarmless(string peerInChannel) => FuzzFrame.OfText(ProtocolCodec.Encode(samples.Harmless(peerInChannel)), "valid");

    /// <summary>A frame over <paramref name="bytes"/> long: a valid message padded with a huge string.</summary>
    public FuzzFrame Oversized(int bytes) => FuzzFrame.OfText($"{{\"type\":\"ping\",\"sequence\":1,\"pad\":\"{new string('x', bytes)}\"}}", "oversized");

    private FuzzFrame Mutate(string valid) => random.Next(20) switch
    {
        0 => FuzzFrame.OfText(valid, "valid"),
        1 => Tree(valid, "remove field", RemoveField),
        2 => Tree(valid, "flip type", FlipType),
        3 => Tree(valid, "swap discriminator", SwapDiscriminator),
        4 => Tree(valid, "add unknown field", n => n["zz" + random.Next(100)] = Junk(2)),
        5 => Tree(valid, "null field", n => SetRandom(n, null)),
        6 => FuzzFrame.OfText(HugeNumber(valid), "huge number"),
        7 => FuzzFrame.OfText(DuplicateField(valid), "duplicate field"),
        8 => FuzzFrame.OfText(valid[..random.Next(valid.Length)], "truncated"),
        9 => FuzzFrame.OfText(Deep(random.Next(2) == 0 ? "[" : "{\"a\":", random.Next(10, 5000)), "deep nesting"),
        10 => FuzzFrame.OfText(Splice(valid, Pick(["\\u12", "\\x41", "\\", "\\uD800", "\\uDC00\\uD800", "\\u0000"])), "bad escape"),
        11 => FuzzFrame.OfText(Splice(valid, Pick(["\uD800", "\uDFFF", "\u0001", "\uFFFE", "\t", "\n"])), "lone surrogate or control"),
        12 => FuzzFrame.OfBytes(InvalidUtf8(valid), InvalidUtf8Mutation),
        13 => new FuzzFrame(string.Empty, [.. Enumerable.Range(0, random.Next(0, 64)).Select(_ => (byte)random.Next(256))], true, "binary"),
        14 => FuzzFrame.OfText(Pick(["", " ", "null", "[]", "{}", "0", "\"join\"", "true", "{\"type\":null}", "{\"type\":1}", "{\"type\":{}}"]), "empty or scalar"),
        15 => Tree(valid, "nested value deepened", n => SetRandom(n, JsonNode.Parse(Deep("[", random.Next(2, 56))))),
        16 => FuzzFrame.OfText(valid.Replace(":", random.Next(2) == 0 ? "" : "::", StringComparison.Ordinal), "broken syntax"),
        17 => FuzzFrame.OfText(valid + valid[..random.Next(valid.Length)], "trailing garbage"),
        18 => FuzzFrame.OfText(Splice(valid, "\"" + new string('\\', random.Next(1, 4)) + "\""), "quote injection"),
        _ => Tree(valid, "wrong container", n => SetRandom(n, random.Next(2) == 0 ? new JsonArray(Junk(1), Junk(1)) : new JsonObject { ["type"] = Pick(Discriminators) })),
    };

    private FuzzFrame Tree(string valid, string mutation, Action<JsonObject> change)
    {
        var node = JsonNode.Parse(valid)!.AsObject();
        var target = RandomObject(node);
        change(target);
        return FuzzFrame.OfText(node.ToJsonString(), mutation);
    }

    /// <summary>The message itself or one of the objects nested in it.</summary>
    private JsonObject RandomObject(JsonObject root)
    {
        var objects = new List<JsonObject> { root };
        for (var i = 0; i < objects.Count; i++)
        {
            foreach (var (_, value) in objects[i])
            {
                objects.AddRange(value switch
                {
                    JsonObject o => [o],
                    JsonArray a => a.OfType<JsonObject>(),
                    _ => [],
                });
            }
        }

        return objects[random.Next(objects.Count)];
    }

    private void RemoveField(JsonObject node)
    {
        if (node.Count > 0)
        {
            node.Remove(node.ElementAt(random.Next(node.Count)).Key);
        }
    }

    private void FlipType(JsonObject node) => SetRandom(node, Junk(2));

    private void SwapDiscriminator(JsonObject node) => node[node.ContainsKey("kind") ? "kind" : "type"] = Pick(Discriminators);

    private void SetRandom(JsonObject node, JsonNode? value)
    {
        if (node.Count > 0)
        {
            node[node.ElementAt(random.Next(node.Count)).Key] = value;
        }
    }

    /// <summary>A value of a random JSON type.</summary>
    private JsonNode? Junk(int depth) => random.Next(depth > 0 ? 8 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(random.NextDouble() * 1e10),
        4 => JsonValue.Create(Pick(Discriminators)),
        5 => JsonValue.Create(new string('z', random.Next(0, 300))),
        6 => new JsonArray(Junk(depth - 1), Junk(depth - 1)),
        _ => new JsonObject { ["k"] = Junk(depth - 1), ["type"] = Pick(Discriminators) },
    };

    private string HugeNumber(string valid)
    {
        var digits = Enumerable.Range(1, valid.Length - 1).Where(i => char.IsAsciiDigit(valid[i]) && valid[i - 1] == ':').ToList();
        if (digits.Count == 0)
        {
            return Splice(valid, Pick(Numbers));
        }

        var start = digits[random.Next(digits.Count)];
        var end = start;
        while (end < valid.Length && char.IsAsciiDigit(valid[end]))
        {
            end++;
        }

        return valid[..start] + Pick(Numbers) + valid[end..];
    }

    private string DuplicateField(string valid)
    {
        var node = JsonNode.Parse(valid)!.AsObject();
        var (key, value) = node.ElementAt(random.Next(node.Count));
        var copy = $"\"{key}\":{(random.Next(2) == 0 ? value?.ToJsonString() ?? "null" : Junk(1)?.ToJsonString() ?? "null")}";
        return random.Next(2) == 0 ? "{" + copy + "," + valid[1..] : valid[..^1] + "," + copy + "}";
    }

    private static string Deep(string opener, int depth) =>
        string.Concat(Enumerable.Repeat(opener, depth)) + "1" + string.Concat(Enumerable.Repeat(opener == "[" ? "]" : "}", depth));

    private byte[] InvalidUtf8(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid).ToList();
        byte[][] bad = [[0xC0, 0x80], [0xFF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFE, 0xFF]];
        bytes.InsertRange(random.Next(bytes.Count + 1), bad[random.Next(bad.Length)]);
        return [.. bytes];
    }

    private string Splice(string text, string inserted)
    {
        var at = random.Next(text.Length + 1);
        return text[..at] + inserted + text[at..];
    }

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];
}
