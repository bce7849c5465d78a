using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Commands;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Telemetry;
using SyncBridge.Worker.Updates;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Tests.Web;

/// <summary>
/// One sync cycle against the built-in simulators (<see cref="People"/> people, a temp SQLite state store, the embedded
/// queue): every source polled, everyone decided (the decisions recorded in the metrics, as sync and demo do), the
/// outbox dispatched and the updates applied; then the status web server started on port 0 over that host.
/// </summary>
public sealed class StatusWebFixture : IAsyncLifetime
{
    public const int People = 100;

    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-web-").FullName;
    private ConnectedHost? _connected;
    private StatusWebServer? _server;

    internal ConnectedHost Connected => _connected ?? throw new InvalidOperationException("not initialized");

    internal StatusWebServer Server => _server ?? throw new InvalidOperationException("not initialized");

    public string Root => _directory;

    public HttpClient Http { get; } = new();

    /// <summary>What the sync cycle printed (sources, decisions, updates).</summary>
    public string SyncOutput { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var config = Path.Combine(_directory, "settings.json");
        await File.WriteAllTextAsync(config, Settings(_directory, People), cancellationToken);
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, TimeProvider.System);
        _connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = [config] }, cancellationToken)
            ?? throw new InvalidOperationException("the host did not build: " + error);

        var code = await SyncCommand.RunAllAsync(context, _connected, cancellationToken);
        if (code != ExitCodes.Success)
        {
            throw new InvalidOperationException($"sync failed ({code}): {error}");
        }

        var services = _connected.Services;
        var decided = await services.GetRequiredService<PersonDecider>().DecideAsync(cancellationToken);
        services.GetRequiredService<SyncBridgeMetrics>().RecordDecisions(decided);
        output.WriteLine(decided.ToString());
        var dispatch = services.GetRequiredService<OutboxDispatchLoop>();
        var consume = services.GetRequiredService<UpdateConsumeLoop>();
        await UpdateDrain.RunUntilEmptyAsync(services, dispatch, consume, dispatching: true, cancellationToken);
        output.WriteLine(UpdateDrain.Summary(dispatch, consume));
        SyncOutput = output.ToString();

        _server = await StatusWebServer.StartAsync(services, new StatusOptions { Urls = "http://127.0.0.1:0" }, cancellationToken);
        Http.BaseAddress = _server.Address;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_connected is not null)
        {
            await _connected.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Settings on embedded defaults: a state store in <paramref name="directory"/>, <paramref name="people"/> simulated people.</summary>
    public static string Settings(string directory, int people, string extra = "") =>
        "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + Json(Path.Combine(directory, "state.db")) + "\"}," +
        "\"Queue\":{\"Embedded\":{\"Path\":\"" + Json(Path.Combine(directory, "queue.db")) + "\"}}," +
        "\"Simulators\":{\"People\":" + people + "}" + extra + "}}";

    private static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}

/// <summary>The test classes that share one <see cref="StatusWebFixture"/> (one sync, one server).</summary>
[CollectionDefinition(Name)]
public sealed class StatusWebGroup : ICollectionFixture<StatusWebFixture>
{
    public const string Name = "status web";
}
