namespace Reconnect.Browser.Harness.Hosting;

/// <summary>A program the browser tests cannot run without: missing, they fail (never skip) saying how to install it.</summary>
public static class RequiredTool
{
    public const string Chromium = "/usr/bin/chromium";

    public const string TurnServer = "/usr/bin/turnserver";

    /// <summary>The path of <paramref name="path"/> when it exists, else an exception naming the Debian package to install.</summary>
    public static string Find(string path, string package) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{path} is missing: the browser tests need it. Install it with `apt-get install -y {package}` (.ci/run does).");
}
