using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace SyncBridge.Worker.Hosting;

/// <summary>
/// Quartz: the in-memory store on embedded defaults. Jobs register themselves in their own areas; the
/// <c>Quartz</c> configuration section passes any Quartz property through (e.g. a clustered ADO store).
/// </summary>
internal static class SchedulerServiceCollectionExtensions
{
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddQuartz(configuration.GetSection("Quartz"), quartz =>
        {
            if (configuration["Quartz:quartz.jobStore.type"] is null)
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
