using Microsoft.Extensions.Options;
using SyncBridge.Storage;
using SyncBridge.Worker.Sync;

namespace SyncBridge.Worker.Tests.Sync;

/// <summary>The clustered-schedule settings: PostgreSQL state store required, check-in interval in range, each failure naming its key.</summary>
public sealed class SchedulerOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(SchedulerOptions options, string provider = "PostgreSql") =>
        new SchedulerOptionsValidator(Options.Create(new StateStoreOptions { Provider = provider, ConnectionString = "Host=127.0.0.1" }))
            .Validate(Options.DefaultName, options);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("sqlite")]
    public void Validate_ClusteredOnSqliteState_FailsNamingTheSetting(string provider)
    {
        var result = Validate(new SchedulerOptions { Clustered = true }, provider);

        Assert.True(result.Failed);
        Assert.Contains("SyncBridge:Scheduler:Clustered", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SyncBridge:State:Provider", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("postgresql")]
    public void Validate_ClusteredOnPostgreSqlState_Succeeds(string provider)
    {
        Assert.True(Validate(new SchedulerOptions { Clustered = true }, provider).Succeeded);
    }

    [Fact]
    public void Validate_NotClusteredOnSqliteState_Succeeds()
    {
        Assert.True(Validate(new SchedulerOptions(), "Sqlite").Succeeded);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.500")]
    [InlineData("-00:00:15")]
    [InlineData("00:05:01")]
    [InlineData("01:00:00")]
    public void Validate_CheckinIntervalOutOfRange_FailsNamingTheSetting(string interval)
    {
        var result = Validate(new SchedulerOptions { Clustered = true, ClusterCheckinInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("SyncBridge:Scheduler:ClusterCheckinInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:01")]
    [InlineData("00:00:15")]
    [InlineData("00:05:00")]
    public void Validate_CheckinIntervalInRange_Succeeds(string interval)
    {
        var options = new SchedulerOptions { Clustered = true, ClusterCheckinInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Defaults_NotClusteredAndCheckingInEveryFifteenSeconds()
    {
        var options = new SchedulerOptions();

        Assert.False(options.Clustered);
        Assert.Equal(TimeSpan.FromSeconds(15), options.ClusterCheckinInterval);
    }
}
