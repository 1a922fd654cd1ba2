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

    /// <summary>Where a call's pages run unless told otherwise: the world's Chromium, and the server on loopback.</summary>
    public PageHost Host => new(Chromium, Server.BaseUri);

    /// <summary>Starts coturn, then the server and Chromium side by side.</summary>
    public virtual async ValueTask InitializeAsync()
    {
        try
        {
            RequiredTool.Find(RequiredTool.Chromium, "chromium");
            _turn = await TurnServer.StartAsync(CancellationToken.None);
            var server = StartServerAsync(_turn);
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

    /// <summary>Stops what started (see <see cref="DisposeAsyncCore"/>).</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>The world's server, granting <paramref name="turn"/> as the ICE server.</summary>
    protected virtual Task<CallPageServer> StartServerAsync(TurnServer turn) => CallPageServer.StartAsync(turn, CancellationToken.None);

    /// <summary>Stops Chromium, the server and coturn, whichever started.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
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
