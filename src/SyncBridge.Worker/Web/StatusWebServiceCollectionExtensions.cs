using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncBridge.Worker.Reporting;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Web;

/// <summary>What the status web server serves from: options, metrics, the report, the page renderer and the explainer.</summary>
internal static class StatusWebServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StatusOptions"/> (section <c>SyncBridge:Status</c>, validated at start), the telemetry, the
    /// status report, the page renderer and the explainer, without starting a server: <c>run</c> adds
    /// <see cref="AddStatusWebHost"/>, <c>demo --serve</c> calls <see cref="StatusWebServer.StartAsync"/>. A second call is harmless.
    /// </summary>
    public static IServiceCollection AddStatusWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(PersonExplainer)))
        {
            services.AddOptionsWithValidateOnStart<StatusOptions>().Bind(configuration.GetSection(StatusOptions.SectionName)).ValidateDataAnnotations();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StatusOptions>, StatusOptionsValidator>());
        }

        services.AddSyncBridgeTelemetry();
        services.AddReporting();
        services.TryAddSingleton<PersonExplainer>();
        return services;
    }

    /// <summary>Hosts the status web server in the host (when <see cref="StatusOptions.Enabled"/>), for <c>run</c>.</summary>
    public static IServiceCollection AddStatusWebHost(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<StatusWebHostedService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, StatusWebHostedService>(sp => sp.GetRequiredService<StatusWebHostedService>()));
        return services;
    }
}
