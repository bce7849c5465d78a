namespace SyncBridge.Storage.Tests;

public sealed class StateStoreOptionsValidatorTests
{
    private const string Valid = "Host=127.0.0.1;Port=5433;Username=syncbridge;Database=syncbridge";

    private static List<string> Failures(StateStoreOptions options) =>
        new StateStoreOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Theory]
    [InlineData("Sqlite", null)]
    [InlineData("SQLITE", null)]
    [InlineData("PostgreSql", Valid)]
    [InlineData("postgresql", Valid)]
    [InlineData(" POSTGRESQL ", Valid)]
    public void Validate_KnownProviderAnyCase_Succeeds(string provider, string? connectionString)
    {
        Assert.Empty(Failures(new StateStoreOptions { Provider = provider, ConnectionString = connectionString }));
    }

    [Fact]
    public void Validate_UnknownProvider_NamesTheSettingAndTheChoices()
    {
        var failure = Assert.Single(Failures(new StateStoreOptions { Provider = "Oracle" }));

        Assert.StartsWith("SyncBridge:State:Provider: 'Oracle' is not supported", failure, StringComparison.Ordinal);
        Assert.Contains("'PostgreSql'", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Validate_PostgreSqlWithoutConnectionString_NamesTheSetting(string? connectionString)
    {
        var failure = Assert.Single(Failures(new StateStoreOptions { Provider = "PostgreSql", ConnectionString = connectionString }));

        Assert.StartsWith("SyncBridge:State:ConnectionString: a PostgreSQL connection string is required", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db;Colour=blue;Password=s3cret-pw")]
    [InlineData("Host=db;Port=not-a-port;Password=s3cret-pw")]
    [InlineData("Password=s3cret-pw;Database=x")]
    [InlineData("just text")]
    public void Validate_ConnectionStringThatDoesNotParse_NamesTheSettingWithoutThePassword(string connectionString)
    {
        var failure = Assert.Single(Failures(new StateStoreOptions { Provider = "PostgreSql", ConnectionString = connectionString }));

        Assert.StartsWith("SyncBridge:State:ConnectionString: not a valid PostgreSQL connection string", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("SyncBridge")]
    [InlineData("sync-bridge")]
    [InlineData("1st")]
    [InlineData("pg_state")]
    [InlineData("a\"; DROP SCHEMA public; --")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890123")]
    public void Validate_InvalidSchemaName_NamesTheSetting(string schema)
    {
        var failure = Assert.Single(Failures(new StateStoreOptions { Provider = "PostgreSql", ConnectionString = Valid, Schema = schema }));

        Assert.StartsWith("SyncBridge:State:Schema:", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("syncbridge")]
    [InlineData("_tenant_2")]
    [InlineData("a12345678901234567890123456789012345678901234567890123456789012")]
    public void Validate_ValidSchemaName_Succeeds(string schema)
    {
        Assert.Empty(Failures(new StateStoreOptions { Provider = "PostgreSql", ConnectionString = Valid, Schema = schema }));
    }

    [Fact]
    public void Validate_SeveralBadPostgreSqlSettings_ReportsEveryOne()
    {
        var failures = Failures(new StateStoreOptions { Provider = "PostgreSql", ConnectionString = null, Schema = "Bad-Name" });

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("SyncBridge:State:ConnectionString:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncBridge:State:Schema:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SqliteProvider_IgnoresThePostgreSqlSettings()
    {
        Assert.Empty(Failures(new StateStoreOptions { Provider = "Sqlite", ConnectionString = "not; a = connection string", Schema = "Bad-Name" }));
    }

    [Fact]
    public void DescribeLocation_PostgreSql_NamesServerDatabaseAndSchemaWithoutThePassword()
    {
        var options = new StateStoreOptions
        {
            Provider = "postgresql",
            ConnectionString = "Host=db.internal;Port=6432;Username=worker;Password=s3cret-pw;Database=crm",
            Schema = "tenant_a",
        };

        Assert.Equal("postgresql://db.internal:6432/crm as worker (schema tenant_a)", options.DescribeLocation());
    }

    [Fact]
    public void DescribeLocation_Sqlite_IsTheFullPath()
    {
        Assert.Equal(Path.GetFullPath("data/syncbridge.db"), new StateStoreOptions().DescribeLocation());
    }
}
