using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SyncBridge.Worker.Hosting;

/// <summary>
/// Quartz: the in-memory store on embedded defaults, or the clustered ADO job store in the PostgreSQL state store when
/// <c>SyncBridge:Scheduler:Clustered</c> is true (see <see cref="ClusteredScheduler"/>). Jobs register themselves in their own
/// areas; the <c>Quartz</c> configuration section passes any other Quartz property through.
/// </summary>
internal static class SchedulerServiceCollectionExtensions
{
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var clustered = ClusteredScheduler.TryGetStore(configuration, out var connectionString, out var checkinInterval);
        services.AddQuartz(configuration.GetSection("Quartz"), quartz =>
        {
            if (clustered)
            {
                ClusteredScheduler.Configure(quartz, connectionString, checkinInterval);
            }
            else if (configuration["Quartz:quartz.jobStore.type"] is null)
            {
                quartz.UseInMemoryStore();
            }
        });
        services.AddQuartzHostedService(options =>
        {
            options.WaitForJobsToComplete = true;
            options.AwaitApplicationStarted = true;
        });
        return services;
    }
}
