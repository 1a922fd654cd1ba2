using System.Net;
using System.Text.Json;

namespace Reconnect.Server.Tests;

/// <summary>With <c>--call-page</c> the server serves the Reconnect.Browser app at / and answers the page's token with the configured ICE servers.</summary>
public sealed class CallPageTests
{
    private static readonly string[] CallPage = ["--call-page"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_and_its_framework_are_served_with_their_content_types_outside_development_too()
    {
        await using var server = await LiveServer.StartAsync("Production", CallPage);
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var index = await http.GetAsync("/", Ct);
        var html = await index.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html", index.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"local-state\"", html, StringComparison.Ordinal);
        foreach (var (path, type) in new[] { ("/main.js", "text/javascript"), ("/reconnect-media.js", "text/javascript"), ("/_framework/dotnet.js", "text/javascript") })
        {
            using var script = await http.GetAsync(path, Ct);
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{path}: {script.StatusCode}");
            Assert.Equal(type, script.Content.Headers.ContentType?.MediaType);
        }

        var wasm = await FrameworkFileAsync(http, ".wasm");
        using var runtime = await http.GetAsync("/_framework/" + wasm, Ct);
        Assert.Equal(HttpStatusCode.OK, runtime.StatusCode);
        Assert.Equal("application/wasm", runtime.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_page_is_the_published_app_and_each_file_comes_precompressed_as_the_request_accepts()
    {
        await using var server = await LiveServer.StartAsync("Production", CallPage);
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = server.BaseUri };
        var wasm = "/_framework/" + await FrameworkFileAsync(http, ".wasm");

        using var plain = await http.GetAsync(wasm, Ct);
        var bytes = await plain.Content.ReadAsByteArrayAsync(Ct);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        foreach (var (accept, encoding) in new[] { ("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br, zstd", "br") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, wasm);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            using var compressed = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
            Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            Assert.Equal("application/wasm", compressed.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
            var body = await compressed.Content.ReadAsByteArrayAsync(Ct);
            Assert.True(body.Length < bytes.Length, $"{accept}: {body.Length} bytes sent for {bytes.Length}");
            Assert.Equal(bytes, Decompress(body, encoding));
        }

        using var symbols = await http.GetAsync("/_framework/Reconnect.Browser.pdb", Ct);
        Assert.Equal(HttpStatusCode.NotFound, symbols.StatusCode);
    }

    [Fact]
    public async Task Without_the_switch_no_page_is_served()
    {
        await using var server = await LiveServer.StartAsync("Production");
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var index = await http.GetAsync("/", Ct);
        using var token = await http.GetAsync("/dev/token?room=demo&name=ann", Ct);

        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }

    [Fact]
    public async Task The_page_token_grants_the_room_and_the_configured_ice_servers()
    {
        await using var server = await LiveServer.StartAsync(
            "Production",
            CallPage,
            ("IceServers:0:Urls:0", "turn:127.0.0.1:3478"),
            ("IceServers:0:Username", "user"),
            ("IceServers:0:Credential", "pass"));
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var answer = await http.GetAsync("/dev/token?room=demo&name=ann", Ct);
        using var grant = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var ice = Assert.Single(grant.RootElement.GetProperty("iceServers").EnumerateArray());
        Assert.Equal("turn:127.0.0.1:3478", Assert.Single(ice.GetProperty("urls").EnumerateArray()).GetString());
        Assert.Equal(("user", "pass"), (ice.GetProperty("username").GetString(), ice.GetProperty("credential").GetString()));
        using var joined = await server.JoinedWithAsync(grant.RootElement.GetProperty("token").GetString()!, "p-ann", "demo");
        Assert.True(grant.RootElement.TryGetProperty("expiresAt", out _));
    }

    [Fact]
    public async Task A_page_token_without_room_or_name_is_refused()
    {
        await using var server = await LiveServer.StartAsync("Production", CallPage);
        using var http = new HttpClient { BaseAddress = server.BaseUri };

        using var answer = await http.GetAsync("/dev/token?room=demo", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>A file of the page's framework of this kind, as the page's boot files name it.</summary>
    private static async Task<string> FrameworkFileAsync(HttpClient http, string extension)
    {
        var loader = await http.GetStringAsync("/_framework/dotnet.js", Ct);
        var name = System.Text.RegularExpressions.Regex.Match(loader, $"\"(dotnet\\.native\\.[a-z0-9]+\\{extension})\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(name), $"dotnet.js names no dotnet.native*{extension}");
        return name;
    }
}
