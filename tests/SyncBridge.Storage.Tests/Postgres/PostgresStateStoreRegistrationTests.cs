using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Postgres;
using SyncBridge.Storage.Sqlite;
using SyncBridge.Storage.Tests.Sqlite;
using SyncBridge.Testing;

namespace SyncBridge.Storage.Tests.Postgres;

/// <summary><see cref="StorageServiceCollectionExtensions.AddStateStore"/> choosing the provider from configuration, and starting the host.</summary>
public sealed class PostgresStateStoreRegistrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _schema = PostgresTestServer.NewSchema();
    private bool _schemaUsed;

    public void Dispose()
    {
        if (_schemaUsed)
        {
            PostgresTestServer.DropSchema(_schema);
        }

        _temp.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddStateStore(builder.Configuration);
        return builder.Build();
    }

    private Dictionary<string, string?> PostgresSettings(string provider = "PostgreSql")
    {
        PostgresTestServer.EnsureReachable();
        _schemaUsed = true;
        return new()
        {
            ["SyncBridge:State:Provider"] = provider,
            ["SyncBridge:State:ConnectionString"] = PostgresTestServer.ConnectionString,
            ["SyncBridge:State:Schema"] = _schema,
        };
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("postgresql")]
    public async Task AddStateStore_PostgreSql_ServesEveryPortFromOnePostgresStoreAndMigratesAtStart(string provider)
    {
        using var host = BuildHost(PostgresSettings(provider));

        await host.StartAsync(Ct);

        var store = host.Services.GetRequiredService<IStateStore>();
        Assert.IsType<PostgresStateStore>(store);
        Assert.Same(store, host.Services.GetRequiredService<IIdentityStore>());
        Assert.IsType<PostgresOutboxStore>(host.Services.GetRequiredService<IOutboxStore>());
        Assert.IsType<PostgresAppliedUpdateStore>(host.Services.GetRequiredService<IAppliedUpdateStore>());
        Assert.IsType<PostgresContactStore>(host.Services.GetRequiredService<IContactStore>());
        Assert.IsType<PostgresReportStore>(host.Services.GetRequiredService<IReportStore>());
        using (var connection = PostgresTestServer.OpenAdmin(_schema))
        using (var command = new Npgsql.NpgsqlCommand("SELECT MAX(version) FROM schema_version;", connection))
        {
            Assert.Equal(PostgresSchemaMigrations.All[^1].Version, Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task AddStateStore_NoProvider_ServesTheSqliteStore()
    {
        var path = _temp.File("state.db");
        using var host = BuildHost(new() { ["SyncBridge:State:SqlitePath"] = path });

        await host.StartAsync(Ct);

        Assert.IsType<SqliteStateStore>(host.Services.GetRequiredService<IStateStore>());
        Assert.IsType<SqliteOutboxStore>(host.Services.GetRequiredService<IOutboxStore>());
        Assert.IsType<SqliteReportStore>(host.Services.GetRequiredService<IReportStore>());
        Assert.True(File.Exists(path));
        await host.StopAsync(Ct);
    }

    [Fact]
    public void AddStateStore_TwiceOrAfterAddSqliteStateStore_RegistersOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncBridge:State:Provider"] = "PostgreSql",
            ["SyncBridge:State:ConnectionString"] = PostgresTestServer.DefaultConnectionString,
        }).Build();

        var services = new ServiceCollection().AddStateStore(configuration).AddStateStore(configuration).AddSqliteStateStore(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IStateStore));
        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore));
        Assert.Single(services, d => d.ImplementationType == typeof(PostgresStateStoreInitializer));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SqliteStateStore));
    }

    [Fact]
    public async Task StartAsync_PostgreSqlServerNotListening_FailsNamingTheSettingWithoutThePassword()
    {
        using var host = BuildHost(new()
        {
            ["SyncBridge:State:Provider"] = "PostgreSql",
            ["SyncBridge:State:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=syncbridge;Password=s3cret-pw;Database=syncbridge;Timeout=3",
        });

        var error = await Assert.ThrowsAsync<StateStoreException>(() => host.StartAsync(Ct));

        Assert.StartsWith("SyncBridge:State:ConnectionString:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ConnectionString", "", "SyncBridge:State:ConnectionString")]
    [InlineData("ConnectionString", "Host=db;Colour=blue", "SyncBridge:State:ConnectionString")]
    [InlineData("Schema", "Not-Valid", "SyncBridge:State:Schema")]
    public async Task StartAsync_BadPostgreSqlSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var host = BuildHost(new()
        {
            ["SyncBridge:State:Provider"] = "PostgreSql",
            ["SyncBridge:State:ConnectionString"] = PostgresTestServer.DefaultConnectionString,
            ["SyncBridge:State:" + key] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddStateStore_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => StorageServiceCollectionExtensions.AddStateStore(null!, new ConfigurationBuilder().Build()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddStateStore(null!));
    }
}
