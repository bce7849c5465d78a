using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Quartz;
using SyncBridge.Storage;
using SyncBridge.Worker.Sync;

namespace SyncBridge.Worker.Hosting;

/// <summary>
/// Quartz's clustered ADO job store on the PostgreSQL state store (<c>SyncBridge:Scheduler:Clustered</c>): the local-transaction
/// store with the PostgreSQL delegate, over the state store's connection string with its schema as the search path (so Quartz's
/// <c>qrtz_*</c> tables are the ones state migration 6 created there), clustering on with the configured check-in interval, one
/// scheduler name for the whole cluster and an instance id generated per process, job data serialized with System.Text.Json.
/// </summary>
internal static class ClusteredScheduler
{
    /// <summary>The scheduler name every worker of a cluster shares (Quartz's <c>sched_name</c>): one cluster per state schema.</summary>
    public const string SchedulerName = "SyncBridge";

    /// <summary>
    /// Whether <paramref name="configuration"/> asks for a clustered schedule it can have (clustered, PostgreSQL state store, a
    /// connection string that parses). When it asks but cannot, the scheduler stays in memory and the options validators stop the
    /// host naming the setting.
    /// </summary>
    public static bool TryGetStore(IConfiguration configuration, out string connectionString, out TimeSpan checkinInterval)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        connectionString = string.Empty;
        checkinInterval = new SchedulerOptions().ClusterCheckinInterval;
        var scheduler = configuration.GetSection(SchedulerOptions.SectionName);
        if (!bool.TryParse(scheduler[nameof(SchedulerOptions.Clustered)], out var clustered) || !clustered)
        {
            return false;
        }

        var state = new StateStoreOptions();
        configuration.GetSection(StateStoreOptions.SectionName).Bind(state);
        if (!state.IsPostgreSql || string.IsNullOrWhiteSpace(state.ConnectionString))
        {
            return false;
        }

        try
        {
            connectionString = new NpgsqlConnectionStringBuilder(state.ConnectionString) { SearchPath = state.Schema }.ConnectionString;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }

        if (TimeSpan.TryParse(scheduler[nameof(SchedulerOptions.ClusterCheckinInterval)], CultureInfo.InvariantCulture, out var interval)
            && interval >= SchedulerOptionsValidator.MinClusterCheckinInterval && interval <= SchedulerOptionsValidator.MaxClusterCheckinInterval)
        {
            checkinInterval = interval;
        }

        return true;
    }

    /// <summary>Configures <paramref name="quartz"/> for the cluster.</summary>
    public static void Configure(IQuartzBuilder quartz, string connectionString, TimeSpan checkinInterval)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseClustering(cluster => cluster.CheckinInterval = checkinInterval);
            store.UseSystemTextJsonSerializer();

            // The tables come from the state store's migration 6, applied before the scheduler starts; a schema without them
            // stops the worker at start rather than failing every poll.
            store.ConfigureStore(options => options.SchemaProvisioning = SchemaProvisioning.Validate);
        });
    }
}
