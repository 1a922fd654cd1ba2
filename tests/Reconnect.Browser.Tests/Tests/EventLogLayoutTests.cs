using System.Globalization;
using Reconnect.Browser.Tests.Hosting;

namespace Reconnect.Browser.Tests.Tests;

/// <summary>
/// The call page's event log at common window sizes: every line is shown whole (long lines wrap inside the log, none is
/// cut at its right edge or the window's), and the two videos of a 1:1 call stay side by side where they fit.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventLogLayoutTests(BrowserWorld world)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    /// <summary>The window sizes checked, widest first; the first two are wide enough for two videos side by side.</summary>
    private static readonly (int Width, int Height, bool VideosSideBySide)[] Windows =
        [(1280, 720, true), (1100, 700, true), (800, 600, false), (480, 800, false)];

    /// <summary>
    /// Each <c>#event-log li</c> whose text is not all inside the log's visible box and the window (its text's extent
    /// past either, or content overflowing the line itself), described; the log's line count first.
    /// </summary>
    private const string CutLines = """
        () => {
          const log = document.querySelector('#event-log');
          const box = log.parentElement;
          const frame = box.getBoundingClientRect();
          const left = Math.max(0, frame.left + box.clientLeft);
          const right = Math.min(window.innerWidth, frame.left + box.clientLeft + box.clientWidth);
          const lines = [...log.querySelectorAll('li')];
          const cut = lines.flatMap(li => {
            const range = document.createRange();
            range.selectNodeContents(li);
            const text = range.getBoundingClientRect();
            const whole = li.scrollWidth <= li.clientWidth && text.left >= left - 0.5 && text.right <= right + 0.5
              && li.getBoundingClientRect().right <= window.innerWidth;
            return whole ? [] : [`'${li.textContent}': text ${Math.round(text.left)}..${Math.round(text.right)} px, visible ${Math.round(left)}..${Math.round(right)} px, line scrollWidth ${li.scrollWidth}, clientWidth ${li.clientWidth}`];
          });
          return [String(lines.length), ...cut];
        }
        """;

    /// <summary>The top of the local video's figure and of the remote one's.</summary>
    private const string VideoTops = """
        () => [document.querySelector('figure.local'), document.querySelector('.peer')].map(f => Math.round(f.getBoundingClientRect().top))
        """;

    [Fact]
    public async Task Every_event_log_line_is_shown_whole_at_1280x720_and_narrower_windows()
    {
        await using var call = world.Call();
        var pages = await call.JoinAllAsync(relay: false, signal: null, "alice", "bob");
        await call.ConnectedAsync(Patience);
        var page = pages[0].Page;

        foreach (var (width, height, sideBySide) in Windows)
        {
            await page.SetViewportSizeAsync(width, height);
            var measured = await page.EvaluateAsync<string[]>(CutLines);
            Assert.True(int.Parse(measured[0], CultureInfo.InvariantCulture) > 0, $"{width}x{height}: the event log is empty");
            Assert.True(measured.Length == 1, $"{width}x{height}: {measured.Length - 1} of {measured[0]} event log lines are cut:\n{string.Join("\n", measured.Skip(1))}");
            if (sideBySide)
            {
                var tops = await page.EvaluateAsync<int[]>(VideoTops);
                Assert.True(tops[0] == tops[1], $"{width}x{height}: the videos are not side by side (tops {tops[0]} and {tops[1]} px)");
            }
        }

        await call.FinishAsync();
    }
}
