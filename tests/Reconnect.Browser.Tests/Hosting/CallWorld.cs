namespace Reconnect.Browser.Tests.Hosting;

/// <summary>
/// What every browser test shares, started once for the collection: coturn, one server with the call page (granting
/// coturn as the ICE server) and one Chromium. Built by the solution's build, never here. If any of them cannot
/// start, the ones already started are stopped and every test of the collection fails with the reason.
/// </summary>
public sealed class CallWorld : IAsyncLifetime
{
    private TurnServer? _turn;
    private CallPageServer? _server;
    private Chromium? _chromium;

    internal TurnServer Turn => _turn ?? throw NotStarted();

    internal CallPageServer Server => _server ?? throw NotStarted();

    internal Chromium Chromium => _chromium ?? throw NotStarted();

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

    public async ValueTask DisposeAsync()
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

/// <summary>The browser tests run one after another on one <see cref="CallWorld"/>: their faults (coturn stopped) touch every page.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<CallWorld>
{
    public const string Name = "browser";
}
