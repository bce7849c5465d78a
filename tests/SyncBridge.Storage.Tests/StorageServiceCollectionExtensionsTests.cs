using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Sqlite;

namespace SyncBridge.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSqliteStateStore(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task StartAsync_WritablePath_CreatesTheDatabaseAndServesBothPorts()
    {
        var path = _temp.File("data", "syncbridge.db");
        using var host = BuildHost(new() { ["SyncBridge:State:SqlitePath"] = path });

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(path));
        Assert.Same(host.Services.GetRequiredService<IStateStore>(), host.Services.GetRequiredService<IIdentityStore>());
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StartAsync_UnwritablePath_FailsNamingTheSetting()
    {
        var blocker = _temp.File("file");
        await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);
        using var host = BuildHost(new() { ["SyncBridge:State:SqlitePath"] = Path.Combine(blocker, "state.db") });

        var error = await Assert.ThrowsAsync<StateStoreException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("SyncBridge:State:SqlitePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Provider", "Oracle", "SyncBridge:State:Provider")]
    [InlineData("SqlitePath", " ", "SqlitePath")]
    [InlineData("BusyTimeoutSeconds", "0", "BusyTimeoutSeconds")]
    public async Task StartAsync_BadSetting_FailsNamingIt(string key, string value, string expected)
    {
        using var host = BuildHost(new()
        {
            ["SyncBridge:State:SqlitePath"] = _temp.File("s.db"),
            ["SyncBridge:State:" + key] = value,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSqliteStateStore_Twice_RegistersOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddSqliteStateStore(configuration).AddSqliteStateStore(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(IStateStore));
        Assert.Single(services, d => d.ServiceType == typeof(IIdentityStore));
        Assert.Single(services, d => d.ImplementationType == typeof(SqliteStateStoreInitializer));
        Assert.Single(services, d => d.ServiceType == typeof(IOutboxStore));
        Assert.Single(services, d => d.ServiceType == typeof(IAppliedUpdateStore));
        Assert.Single(services, d => d.ServiceType == typeof(IContactStore));
    }

    [Fact]
    public async Task StartAsync_ContactStore_IsOneSingletonOverTheIdentityStoresFile()
    {
        var path = _temp.File("state.db");
        using var host = BuildHost(new() { ["SyncBridge:State:SqlitePath"] = path });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var contacts = host.Services.GetRequiredService<IContactStore>();
        var source = new SourceRef(SourceSystem.HubSpot, "contact", "1");
        await host.Services.GetRequiredService<IIdentityStore>().SavePersonsAsync([new PersonRecord("p1", [], [source])], TestContext.Current.CancellationToken);

        await contacts.SaveContactsAsync([new PersonContact("other", new CanonicalContact { Source = source })], TestContext.Current.CancellationToken);

        Assert.Same(contacts, host.Services.GetRequiredService<IContactStore>());
        Assert.Equal("p1", Sqlite.StoreFactory.Scalar(path, "SELECT person_id FROM source_records;"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StartAsync_OutboxAndLedger_AreSingletonsOverTheSameFile()
    {
        var path = _temp.File("state.db");
        using var host = BuildHost(new() { ["SyncBridge:State:SqlitePath"] = path });
        await host.StartAsync(TestContext.Current.CancellationToken);
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var message = Assert.Single(await outbox.CommitAsync(
            [Sqlite.ChangeSets.Set("p1", Sqlite.ChangeSets.Change(Sqlite.ChangeSets.HubSpot("1"), ("a", "1")))],
            TestContext.Current.CancellationToken));

        await host.Services.GetRequiredService<IAppliedUpdateStore>().RecordAppliedAsync("c1", [message], TestContext.Current.CancellationToken);

        Assert.Same(outbox, host.Services.GetRequiredService<IOutboxStore>());
        Assert.Equal(1L, Sqlite.StoreFactory.Scalar(path, "SELECT applied_version FROM applied_updates;"));
        Assert.Equal(1L, Sqlite.StoreFactory.Scalar(path, "SELECT COUNT(*) FROM outbox;"));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AddSqliteStateStore_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => StorageServiceCollectionExtensions.AddSqliteStateStore(null!, new ConfigurationBuilder().Build()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddSqliteStateStore(null!));
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var options = new StateStoreOptions();
        Assert.Equal("Sqlite", options.Provider);
        Assert.Equal("data/syncbridge.db", options.SqlitePath);
        Assert.True(new StateStoreOptionsValidator().Validate(null, options).Succeeded);
    }
}
