using Microsoft.Extensions.Configuration;
using Npgsql;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Tests.Hosting;

/// <summary>When <c>run</c> keeps its schedule in the PostgreSQL state store, and on which connection (the state schema as search path).</summary>
public sealed class ClusteredSchedulerTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    private static readonly (string, string)[] PostgreSql =
    [
        ("SyncBridge:State:Provider", "PostgreSql"),
        ("SyncBridge:State:ConnectionString", "Host=db.internal;Port=5432;Username=worker;Database=crm"),
        ("SyncBridge:State:Schema", "syncbridge_prod"),
    ];

    [Fact]
    public void TryGetStore_ClusteredOnPostgreSql_UsesTheStateConnectionWithItsSchemaAndTheInterval()
    {
        var configuration = Configuration([.. PostgreSql, ("SyncBridge:Scheduler:Clustered", "true"), ("SyncBridge:Scheduler:ClusterCheckinInterval", "00:00:07")]);

        Assert.True(ClusteredScheduler.TryGetStore(configuration, out var connectionString, out var interval));

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal("crm", builder.Database);
        Assert.Equal("syncbridge_prod", builder.SearchPath);
        Assert.Equal(TimeSpan.FromSeconds(7), interval);
    }

    [Fact]
    public void TryGetStore_ClusteredWithoutAnInterval_ChecksInEveryFifteenSeconds()
    {
        Assert.True(ClusteredScheduler.TryGetStore(Configuration([.. PostgreSql, ("SyncBridge:Scheduler:Clustered", "true")]), out _, out var interval));

        Assert.Equal(TimeSpan.FromSeconds(15), interval);
    }

    [Fact]
    public void TryGetStore_NotClustered_KeepsTheScheduleInMemory()
    {
        Assert.False(ClusteredScheduler.TryGetStore(Configuration(PostgreSql), out _, out _));
        Assert.False(ClusteredScheduler.TryGetStore(Configuration([.. PostgreSql, ("SyncBridge:Scheduler:Clustered", "false")]), out _, out _));
    }

    [Fact]
    public void TryGetStore_ClusteredOnSqlite_KeepsTheScheduleInMemoryForTheValidatorToRefuse()
    {
        Assert.False(ClusteredScheduler.TryGetStore(Configuration(("SyncBridge:Scheduler:Clustered", "true")), out _, out _));
    }
}
