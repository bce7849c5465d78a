using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Tests.Fakes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using SyncBridge.Testing;

namespace SyncBridge.Connectors.HubSpot.Tests.Http;

public sealed class HubSpotResiliencePipelineTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    private Uri BaseUrl => new(_server.Urls[0]);

    public void Dispose() => _server.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void StubSequence(string path, params Func<IResponseBuilder>[] responses)
    {
        for (var i = 0; i < responses.Length; i++)
        {
            var request = Request.Create().WithPath(path).UsingAnyMethod();
            var stub = _server.Given(request).InScenario(path);
            stub = i == 0 ? stub : stub.WhenStateIs("step" + i);
            var next = i + 1 < responses.Length ? stub.WillSetStateTo("step" + (i + 1)) : stub;
            next.RespondWith(responses[i]());
        }
    }

    private static IResponseBuilder Ok() => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
        .WithHeader("X-HubSpot-RateLimit-Daily", "250000").WithHeader("X-HubSpot-RateLimit-Daily-Remaining", "249000")
        .WithBody(HubSpotWire.Page([HubSpotWire.Contact(1, "2026-11-01T00:00:00.000Z")], null));

    private static IResponseBuilder TooMany(string policy) => Response.Create().WithStatusCode(429)
        .WithHeader("Content-Type", "application/json").WithBody(HubSpotWire.RateLimited(policy));

    private int Calls(string path) => _server.LogEntries.Count(entry => entry.RequestMessage.Path == path);

    [Theory]
    [InlineData("TEN_SECONDLY_ROLLING")]
    [InlineData("SECONDLY")]
    public async Task Send_RateLimitedWithRetryablePolicy_WaitsAndRetries(string policy)
    {
        StubSequence(HubSpotWire.ContactsPath, () => TooMany(policy), () => TooMany(policy), Ok);
        using var host = HubSpotTestHost.Create(BaseUrl);
        using var collector = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), HubSpotMetrics.MeterName, "syncbridge.hubspot.rate_limited");

        var page = await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct);

        Assert.Single(page.Results!);
        Assert.Equal(3, Calls(HubSpotWire.ContactsPath));
        var measurements = collector.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Sum(m => m.Value));
        Assert.All(measurements, m => Assert.Equal(policy, m.Tags["policy"]));
    }

    [Fact]
    public async Task Send_RateLimitedWithRetryAfter_HonoursTheHeader()
    {
        StubSequence(HubSpotWire.ContactsPath, () => TooMany("TEN_SECONDLY_ROLLING").WithHeader("Retry-After", "1"), Ok);
        using var host = HubSpotTestHost.Create(BaseUrl);
        var stopwatch = Stopwatch.StartNew();

        await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct);

        // The configured default for a 429 is 20 ms: only Retry-After explains a wait of a second.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(950), $"waited {stopwatch.Elapsed}");
        Assert.Equal(2, Calls(HubSpotWire.ContactsPath));
    }

    [Fact]
    public async Task Send_DailyLimitReached_StopsUntilMidnightInAccountTimeZoneWithoutRetrying()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(TooMany("DAILY"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.Zero));
        using var host = HubSpotTestHost.Create(BaseUrl, settings => settings["SyncBridge:HubSpot:AccountTimeZone"] = "Asia/Tokyo", clock);

        var first = Assert.IsType<HubSpotDailyLimitReachedException>((await Assert.ThrowsAsync<ApiRequestException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct))).InnerException);
        var second = Assert.IsType<HubSpotDailyLimitReachedException>((await Assert.ThrowsAsync<ApiRequestException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct))).InnerException);

        // 10:30 UTC is 19:30 in Tokyo: the next Tokyo midnight is 15:00 UTC.
        var expected = new DateTimeOffset(2026, 11, 22, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(expected, first.ResetsAt);
        Assert.Equal(expected, second.ResetsAt);
        Assert.Equal(1, Calls(HubSpotWire.ContactsPath));
        Assert.Equal(expected, host.DailyGate.BlockedUntil);
        Assert.Equal(0, host.Metrics.DailyBudget("default")!.Value.Remaining);

        clock.Advance(TimeSpan.FromHours(5));
        Assert.Null(host.DailyGate.BlockedUntil);
    }

    [Fact]
    public async Task Send_DailyLimitReached_SourceStopsAndReports()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(TooMany("DAILY"));
        using var host = HubSpotTestHost.Create(BaseUrl);
        var store = new InMemoryStateStore();

        await Assert.ThrowsAsync<HubSpotDailyLimitReachedException>(() => host.RunAsync(store, Ct));
        await Assert.ThrowsAsync<HubSpotDailyLimitReachedException>(() => host.RunAsync(store, Ct));

        Assert.Equal(1, Calls(HubSpotWire.ContactsPath));
        Assert.Equal(0, store.Saves);
    }

    [Fact]
    public async Task Send_ServerErrorStorm_RetriesThenSucceeds()
    {
        StubSequence(HubSpotWire.ContactsPath,
            () => Response.Create().WithStatusCode(503),
            () => Response.Create().WithStatusCode(502),
            () => Response.Create().WithStatusCode(500),
            Ok);
        using var host = HubSpotTestHost.Create(BaseUrl);

        var page = await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct);

        Assert.Single(page.Results!);
        Assert.Equal(4, Calls(HubSpotWire.ContactsPath));
    }

    [Fact]
    public async Task Send_ServerErrorsPersist_GivesUpAfterMaxRetries()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(Response.Create().WithStatusCode(503));
        using var host = HubSpotTestHost.Create(BaseUrl, settings => settings["SyncBridge:HubSpot:MaxRetries"] = "2");

        var error = await Assert.ThrowsAsync<ApiException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(3, Calls(HubSpotWire.ContactsPath));
    }

    [Fact]
    public async Task Send_FailureRatioExceeded_OpensTheCircuit()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(Response.Create().WithStatusCode(500));
        using var host = HubSpotTestHost.Create(BaseUrl, settings =>
        {
            settings["SyncBridge:HubSpot:MaxRetries"] = "3";
            settings["SyncBridge:HubSpot:CircuitBreakerMinimumThroughput"] = "2";
            settings["SyncBridge:HubSpot:CircuitBreakerBreakDuration"] = "00:00:30";
        });

        var opened = await Assert.ThrowsAsync<ApiRequestException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct));
        var callsWhenOpened = Calls(HubSpotWire.ContactsPath);
        var stillOpen = await Assert.ThrowsAsync<ApiRequestException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct));

        Assert.IsType<BrokenCircuitException>(opened.InnerException);
        Assert.IsType<BrokenCircuitException>(stillOpen.InnerException);

        Assert.Equal(2, callsWhenOpened);
        Assert.Equal(callsWhenOpened, Calls(HubSpotWire.ContactsPath));
    }

    [Fact]
    public async Task Send_ServerTooSlow_TimesOutEachAttemptAndRetries()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(Ok().WithDelay(TimeSpan.FromSeconds(1.5)));
        using var host = HubSpotTestHost.Create(BaseUrl, settings =>
        {
            settings["SyncBridge:HubSpot:AttemptTimeout"] = "00:00:00.200";
            settings["SyncBridge:HubSpot:MaxRetries"] = "1";
        });
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct));

        Assert.IsType<TimeoutRejectedException>(error.InnerException);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {stopwatch.Elapsed}");

        // WireMock logs a request once its delayed response is written: wait for both attempts to show.
        for (var i = 0; i < 50 && Calls(HubSpotWire.ContactsPath) < 2; i++)
        {
            await Task.Delay(100, Ct);
        }

        Assert.Equal(2, Calls(HubSpotWire.ContactsPath));
    }

    [Fact]
    public async Task Send_ConnectionRefused_RetriesThenThrowsHttpRequestException()
    {
        var closed = WireMockServer.Start();
        var url = new Uri(closed.Urls[0]);
        closed.Stop();
        closed.Dispose();
        using var host = HubSpotTestHost.Create(url, settings => settings["SyncBridge:HubSpot:MaxRetries"] = "2");

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct));

        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Send_AnyResponse_RecordsDailyBudgetFromHeaders()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(Ok());
        using var host = HubSpotTestHost.Create(BaseUrl);

        await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct);

        Assert.Equal((249_000L, 250_000L), host.Metrics.DailyBudget("default"));
    }

    [Fact]
    public async Task Send_FromTwoClients_DrawsOnOneSharedQuota()
    {
        _server.Given(Request.Create().WithPath(HubSpotWire.ContactsPath)).RespondWith(Ok());
        _server.Given(Request.Create().WithPath("/crm/properties/2026-09/contacts")).RespondWith(
            Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{"results":[]}"""));
        using var host = HubSpotTestHost.Create(BaseUrl, settings => settings["SyncBridge:HubSpot:RequestsPer10Seconds"] = "50");
        var before = host.Account.AvailableQuota;

        await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct);
        await host.Properties.ListAsync(host.Account.Paths.Properties, Ct);
        await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email"], "false", Ct);

        Assert.Equal(50, before);
        Assert.Equal(47, host.Account.AvailableQuota);
    }

    [Fact]
    public async Task Send_V3Generation_CallsTheV3Paths()
    {
        _server.Given(Request.Create().WithPath("/crm/v3/objects/contacts").UsingGet()).RespondWith(Ok());
        using var host = HubSpotTestHost.Create(BaseUrl, settings => settings["SyncBridge:HubSpot:ApiGeneration"] = "v3");

        var page = await host.Contacts.ListAsync(host.ObjectsPath, 100, null, ["email", "firstname"], "false", Ct);

        Assert.Single(page.Results!);
        var request = Assert.Single(_server.LogEntries).RequestMessage;
        Assert.Equal("Bearer test-token", request.Headers!["Authorization"].Single());
        Assert.Equal("email,firstname", request.Query!["properties"].Single());
    }
}
