using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using SyncBridge.Connectors.HubSpot.Health;
using SyncBridge.Connectors.Salesforce.Health;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Worker.Reporting;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Web;

/// <summary>
/// The status web server: a small Kestrel application beside the worker, serving from the worker's own singletons
/// (<paramref name="services"/> of <see cref="StartAsync"/>): <c>/healthz</c> (liveness), <c>/readyz</c> (state store,
/// queue, each configured CRM), <c>/metrics</c> (Prometheus text through OpenTelemetry), <c>/</c> (the status page) and
/// <c>/explain/{personId}</c> (one person's decision trace). The worker's services need <c>AddStatusWeb</c>.
/// </summary>
internal sealed partial class StatusWebServer : IAsyncDisposable
{
    /// <summary>How long one readiness check may take before it counts as unhealthy.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;

    private StatusWebServer(WebApplication app, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        Addresses = addresses;
    }

    /// <summary>The first address bound (with the real port when the configuration asked for port 0).</summary>
    public Uri Address => Addresses[0];

    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Builds and starts the server on <see cref="StatusOptions.Urls"/>; logs the bound addresses (a warning for a non-loopback one).</summary>
    public static async Task<StatusWebServer> StartAsync(IServiceProvider services, StatusOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var validation = new StatusOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger<StatusWebServer>();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.UseUrls([.. options.UrlList]);
        AddReadinessChecks(builder.Services.AddHealthChecks(), services);

        var app = builder.Build();
        MapEndpoints(app, services);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var addresses = app.Urls.Select(u => new Uri(u)).ToList();
        foreach (var address in addresses)
        {
            if (StatusOptionsValidator.IsLoopback(address.ToString()))
            {
                Log.Listening(logger, address);
            }
            else
            {
                Log.ListeningBeyondLoopback(logger, address);
            }
        }

        return new StatusWebServer(app, addresses);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void AddReadinessChecks(IHealthChecksBuilder checks, IServiceProvider services)
    {
        var state = services.GetRequiredService<IStateStore>();
        Add(checks, "state-store", async ct =>
        {
            var cursor = await state.GetCursorAsync(Core.Sync.Updates.PersonDecider.CursorName, ct).ConfigureAwait(false);
            return cursor is null ? "open; nothing decided yet" : "open; last decided " + cursor.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        });

        if (services.GetService<IQueueMonitor>() is { } queue)
        {
            Add(checks, "queue", async ct =>
            {
                var status = await queue.GetStatusAsync(ct).ConfigureAwait(false);
                return string.Create(CultureInfo.InvariantCulture, $"depth {status.Depth}, in flight {status.InFlight}, dead letters {status.DeadLetters}");
            });
        }

        // Each CRM probe spends an API call from the budget the sync needs: answered at most once per CrmProbeCache.
        var time = services.GetRequiredService<TimeProvider>();
        if (services.GetService<HubSpotReachability>() is { } hubspot)
        {
            Add(checks, "hubspot", hubspot.ProbeAsync, time, CrmProbeCache);
        }

        if (services.GetService<SalesforceReachability>() is { } salesforce)
        {
            Add(checks, "salesforce", salesforce.ProbeAsync, time, CrmProbeCache);
        }
    }

    /// <summary>How long a CRM's readiness answer is reused.</summary>
    public static readonly TimeSpan CrmProbeCache = TimeSpan.FromSeconds(10);

    private static void Add(IHealthChecksBuilder checks, string name, Func<CancellationToken, Task<string>> probe, TimeProvider? time = null, TimeSpan cacheFor = default) =>
        checks.Add(new HealthCheckRegistration(name, new ProbeHealthCheck(probe, time, cacheFor), HealthStatus.Unhealthy, ["ready"], CheckTimeout));

    private static void MapEndpoints(WebApplication app, IServiceProvider services)
    {
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain; charset=utf-8"));

        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            ResponseWriter = HealthReportJson.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });

        // The meter must exist before the first scrape; the gauges' queue and source figures are read just before it.
        _ = services.GetRequiredService<SyncBridgeMetrics>();
        var snapshot = services.GetRequiredService<SyncStateSnapshot>();
        app.MapPrometheusScrapingEndpoint("/metrics", services.GetRequiredService<MeterProvider>(), branch => branch.Use(async (context, next) =>
        {
            await snapshot.RefreshAsync(context.RequestAborted).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
        }), null);

        var reports = services.GetRequiredService<StatusReportBuilder>();
        var renderer = services.GetRequiredService<ReportHtmlRenderer>();
        var json = services.GetRequiredService<ReportJsonWriter>();
        var links = new ReportLinks(ExplainLink, RefreshSeconds);
        app.MapGet("/", async (CancellationToken cancellationToken) =>
        {
            var report = await reports.BuildAsync(cancellationToken).ConfigureAwait(false);
            return Results.Content(renderer.Render(report, links), "text/html; charset=utf-8");
        });
        app.MapGet("/api/report", async (CancellationToken cancellationToken) =>
        {
            var report = await reports.BuildAsync(cancellationToken).ConfigureAwait(false);
            return Results.Content(json.Write(report), "application/json; charset=utf-8");
        });

        var explainer = services.GetRequiredService<PersonExplainer>();
        var time = services.GetRequiredService<TimeProvider>();
        app.MapGet("/explain/{personId}", async (string personId, CancellationToken cancellationToken) =>
        {
            var decision = string.IsNullOrWhiteSpace(personId) ? null : await explainer.ExplainAsync(personId, cancellationToken).ConfigureAwait(false);
            return decision is null
                ? Results.Text("no person with that id in the state store", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
                : Results.Content(ExplainPage.Render(decision, time.GetUtcNow()), "text/html; charset=utf-8");
        });
    }

    /// <summary>The status page's meta refresh, in seconds.</summary>
    public const string RefreshSeconds = "15";

    /// <summary>The link of a person's explain trace (relative to the server's root).</summary>
    public static string ExplainLink(string personId) => "/explain/" + Uri.EscapeDataString(personId);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1911, Level = LogLevel.Information, Message = "Status web server listening on {Address} (/, /healthz, /readyz, /metrics)")]
        public static partial void Listening(ILogger logger, Uri address);

        [LoggerMessage(EventId = 1912, Level = LogLevel.Warning, Message = "Status web server listening on {Address}, beyond loopback: the status page, explain traces and metrics have no authentication")]
        public static partial void ListeningBeyondLoopback(ILogger logger, Uri address);
    }
}
