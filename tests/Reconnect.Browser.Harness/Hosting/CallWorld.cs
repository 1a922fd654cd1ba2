namespace Reconnect.Browser.Harness.Hosting;

/// <summary>
/// What every browser call shares, started once (for a test collection, or for a bench): coturn, one server with the call page (granting
/// coturn as the ICE server) and one Chromium. Built by the solution's build, never here. If any of them cannot
/// start, the ones already started are stopped and <see cref="InitializeAsync"/> throws with the reason.
/// </summary>
public class CallWorld : IAsyncDisposable
{
    private TurnServer? _turn;
    private CallPageServer? _server;
    private Chromium? _chromium;

    public TurnServer Turn => _turn ?? throw NotStarted();

    public CallPageServer Server => _server ?? throw NotStarted();

    public Chromium Chromium => _chromium ?? throw NotStarted();

    /// <summary>Starts coturn, then the server and Chromium side by side.</summary>
    public async ValueTask InitializeAsync()
    {
        try
        {
            RequiredTool.Find(RequiredTool.Chromium, "chromium");
            _turn = await TurnServer.StartAsync(CancellationToken.None);
            var server = CallPageServer.StartAsync(_turn, CancellationToken.None);
            var chromium = Chromium.LaunchAsync();
            try
            {
                await Task.WhenAll(server, chromium);
            }
            finally
            {
                _server = server.IsCompletedSuccessfully ? server.Result : null;
                _chromium = chromium.IsCompletedSuccessfully ? chromium.Result : null;
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops Chromium, the server and coturn, whichever started.</summary>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_chromium is { } chromium)
        {
            await chromium.DisposeAsync();
            _chromium = null;
        }

        if (_server is { } server)
        {
            await server.DisposeAsync();
            _server = null;
        }

        if (_turn is { } turn)
        {
            await turn.DisposeAsync();
            _turn = null;
        }
    }

    private static InvalidOperationException NotStarted() => new("The browser test world did not start.");
}
