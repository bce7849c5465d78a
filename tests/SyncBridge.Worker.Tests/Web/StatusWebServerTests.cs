using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Tests.Web;

/// <summary>The status web server's endpoints over a host that ran one sync cycle against the simulators.</summary>
[Collection(StatusWebGroup.Name)]
public sealed class StatusWebServerTests(StatusWebFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void StartAsync_PortZero_BindsAFreeLoopbackPort()
    {
        Assert.Equal("127.0.0.1", fixture.Server.Address.Host);
        Assert.NotEqual(0, fixture.Server.Address.Port);
    }

    [Fact]
    public async Task Healthz_Running_ReturnsOk()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Readyz_ScrapedThreeTimesAtOnce_SpendsAtMostOneHubSpotCall()
    {
        var hubSpot = fixture.Connected.Simulators.HubSpot!;
        var before = hubSpot.GetStats().Requests("properties.list");

        for (var i = 0; i < 3; i++)
        {
            using var response = await fixture.Http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.InRange(hubSpot.GetStats().Requests("properties.list") - before, 0, 1);
    }

    [Fact]
    public async Task Readyz_StateStoreQueueAndSimulatorsUp_Returns200WithEveryCheckHealthy()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => (Status: c.GetProperty("status").GetString(), Description: c.GetProperty("description").GetString()));
        Assert.Equal(["hubspot", "queue", "salesforce", "state-store"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.Status));
        Assert.Contains("contact properties listed", checks["hubspot"].Description, StringComparison.Ordinal);
        Assert.Contains("daily API requests remaining", checks["salesforce"].Description, StringComparison.Ordinal);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterSyncCycle_ExposesEveryMetricWithItsLabels()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var sources = await fixture.Connected.Services.GetRequiredService<IReportStore>().ListSourcesAsync(Ct);
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            var polled = Sample(text, "syncbridge_records_polled_total", $"source=\"{source.Source}\"");
            Assert.Equal(source.TotalRecords, polled);
            Assert.True(Sample(text, "syncbridge_sync_lag_seconds", $"source=\"{source.Source}\"") >= 0);
        }

        var latest = (await fixture.Connected.Services.GetRequiredService<IReportStore>().ListDecisionRunsAsync(1, Ct)).Single();
        Assert.NotEmpty(latest.Reasons);
        foreach (var (reason, persons) in latest.Reasons)
        {
            Assert.Equal(persons, Sample(text, "syncbridge_decisions_total", $"reason=\"{reason}\""));
        }

        Assert.True(Sample(text, "syncbridge_updates_total", "outcome=\"applied\"") > 0, text);
        Assert.Equal(0, Sample(text, "syncbridge_updates_total", "outcome=\"failed\""));
        Assert.Equal(0, Sample(text, "syncbridge_updates_total", "outcome=\"dead_lettered\""));
        var queue = await fixture.Connected.Services.GetRequiredService<IQueueMonitor>().GetStatusAsync(Ct);
        Assert.Equal(queue.Depth, Sample(text, "syncbridge_queue_depth", null));
        Assert.Equal(queue.DeadLetters, Sample(text, "syncbridge_dead_letters", null));
        foreach (var crm in new[] { "hubspot", "salesforce" })
        {
            var ratio = Sample(text, "syncbridge_api_budget_used_ratio", $"crm=\"{crm}\"");
            Assert.InRange(ratio, double.Epsilon, 1);
        }
    }

    [Fact]
    public async Task ApiReport_AfterSync_IsTheReportAsJsonWithTheLatestRunAndEverySource()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/api/report", UriKind.Relative), Ct);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var runs = await fixture.Connected.Services.GetRequiredService<IReportStore>().ListDecisionRunsAsync(1, Ct);
        Assert.Equal(runs.Single().Persons, json.RootElement.GetProperty("latest").GetProperty("persons").GetInt32());
        var sources = await fixture.Connected.Services.GetRequiredService<IReportStore>().ListSourcesAsync(Ct);
        Assert.Equal(sources.Select(s => s.Source), json.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task StatusPage_AfterSync_ShowsEverySourceAndTheQueueDepthAsHtml()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("http-equiv=\"refresh\" content=\"15\"", html, StringComparison.Ordinal);
        foreach (var source in await fixture.Connected.Services.GetRequiredService<IReportStore>().ListSourcesAsync(Ct))
        {
            Assert.Contains(source.Source, html, StringComparison.Ordinal);
        }

        var queue = await fixture.Connected.Services.GetRequiredService<IQueueMonitor>().GetStatusAsync(Ct);
        Assert.Contains(queue.Depth.ToString(CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("href=\"/explain/", html, StringComparison.Ordinal);

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("id=\"forecast-chart\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_RecentlyDecidedPerson_ReturnsTheTraceWithTheValuesEachRuleSaw()
    {
        var person = (await fixture.Connected.Services.GetRequiredService<IReportStore>().ListRecentDecisionsAsync(1, Ct)).Single();

        using var response = await fixture.Http.GetAsync(new Uri(StatusWebServer.ExplainLink(person.PersonId), UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(WebUtility.HtmlEncode(person.PersonId), html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"trace\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"fired\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"not-fired\">", html, StringComparison.Ordinal);
        Assert.Contains("=", html.Split("<table id=\"trace\">")[1], StringComparison.Ordinal);
        Assert.Contains(person.Stage, html, StringComparison.Ordinal);

        // The email rules' inputs are on the page, redacted: the page can be opened from beyond the worker.
        Assert.Contains("marketing.invalid_email", html, StringComparison.Ordinal);
        Assert.Contains("email=[email redacted]", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownPerson_Returns404()
    {
        using var response = await fixture.Http.GetAsync(new Uri("/explain/no-such-person", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels contain <paramref name="label"/> (null: a sample without the label filter).</summary>
    private static double Sample(string text, string metric, string? label)
    {
        var lines = text.Split('\n')
            .Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal))
            .Where(l => label is null || l.Contains(label, StringComparison.Ordinal))
            .ToList();
        Assert.True(lines.Count == 1, $"{metric} {label}: {lines.Count} samples in\n{text}");
        var parts = lines[0][(lines[0].LastIndexOf('}') + 1)..].Trim().Split(' ');
        return double.Parse(parts[0], CultureInfo.InvariantCulture);
    }
}
