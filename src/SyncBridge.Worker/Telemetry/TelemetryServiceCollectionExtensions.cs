using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.Salesforce.Diagnostics;

namespace SyncBridge.Worker.Telemetry;

/// <summary>The worker's metrics: meter <c>SyncBridge</c> and the connectors' meters, exported to Prometheus through OpenTelemetry.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SyncBridgeMetrics"/>, <see cref="SyncStateSnapshot"/> and an OpenTelemetry meter provider
    /// listening to the SyncBridge, HubSpot and Salesforce meters with the Prometheus exporter (scraped by the status web
    /// server's <c>/metrics</c>). A second call is harmless.
    /// </summary>
    public static IServiceCollection AddSyncBridgeTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(SyncBridgeMetrics)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SyncStateSnapshot>();
        services.TryAddSingleton<SyncBridgeMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SyncBridgeMetrics.MeterName, HubSpotMetrics.MeterName, SalesforceMetrics.MeterName)
            .AddPrometheusExporter());

        // Meters are listened to by name process-wide: keep only this host's (created by its IMeterFactory), so two
        // hosts in one process (tests, a demo beside a worker) never report each other's figures.
        services.ConfigureOpenTelemetryMeterProvider((provider, builder) =>
        {
            var factory = provider.GetRequiredService<IMeterFactory>();
            builder.AddView(instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, factory) ? null : MetricStreamConfiguration.Drop);
        });
        return services;
    }
}
