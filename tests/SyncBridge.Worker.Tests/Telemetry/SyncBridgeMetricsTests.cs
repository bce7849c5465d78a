using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Telemetry;

namespace SyncBridge.Worker.Tests.Telemetry;

public sealed class SyncBridgeMetricsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private readonly CountingQueueMonitor _queue = new();
    private readonly FixedReportStore _reports = new();
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _measured = new(StringComparer.Ordinal);

    public SyncBridgeMetricsTests()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this test's meter: other tests running in parallel have SyncBridge meters of their own.
            if (instrument.Meter.Name == SyncBridgeMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _measured[Key(instrument, tags)] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _measured[Key(instrument, tags)] = value);
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    [Fact]
    public void Record_PolledDecisionsAndUpdates_AddUpToRunningTotalsPerLabel()
    {
        var metrics = Create(out _);

        metrics.RecordPolled("hubspot:contacts", 100);
        metrics.RecordPolled("hubspot:contacts", 4);
        metrics.RecordPolled("salesforce:leads", 38);
        metrics.RecordDecisions(Decided(("dormant", 80), ("open_opportunity", 3)));
        metrics.RecordDecisions(Decided(("dormant", 2)));
        metrics.RecordDecisions(new DecideSummary(0, 0, 0));
        metrics.RecordUpdates(new ConsumeBatchResult(Received: 10, Applied: 6, Skipped: 1, Busy: 0, Retried: 2, DeadLettered: 1, LockLost: 0));
        metrics.RecordUpdates(new ConsumeBatchResult(Received: 3, Applied: 3, Skipped: 0, Busy: 0, Retried: 0, DeadLettered: 0, LockLost: 0));
        _listener.RecordObservableInstruments();

        Assert.Equal(104, _measured["syncbridge_records_polled|source=hubspot:contacts"]);
        Assert.Equal(38, _measured["syncbridge_records_polled|source=salesforce:leads"]);
        Assert.Equal(82, _measured["syncbridge_decisions|reason=dormant"]);
        Assert.Equal(3, _measured["syncbridge_decisions|reason=open_opportunity"]);
        Assert.Equal(9, _measured["syncbridge_updates|outcome=applied"]);
        Assert.Equal(2, _measured["syncbridge_updates|outcome=failed"]);
        Assert.Equal(1, _measured["syncbridge_updates|outcome=dead_lettered"]);
    }

    [Fact]
    public async Task Gauges_QueueAndSources_ReadAtMostEveryCacheIntervalWhileTheLagKeepsGrowing()
    {
        _ = Create(out var snapshot);
        _queue.Status = new QueueStatus(Depth: 7, InFlight: 2, OldestAge: TimeSpan.FromSeconds(3), DeadLetters: 1);
        _reports.Sources = [new SourceStatus { Source = "hubspot:contacts", CursorTimestamp = Now.AddMinutes(-10) }, new SourceStatus { Source = "csv" }];

        await snapshot.RefreshAsync(TestContext.Current.CancellationToken);
        _listener.RecordObservableInstruments();
        Assert.Equal(7, _measured["syncbridge_queue_depth|"]);
        Assert.Equal(1, _measured["syncbridge_dead_letters|"]);
        Assert.Equal(600, _measured["syncbridge_sync_lag_seconds|source=hubspot:contacts"]);
        Assert.DoesNotContain(_measured.Keys, k => k.Contains("source=csv", StringComparison.Ordinal));

        _queue.Status = new QueueStatus(0, 0, null, 0);
        _time.Advance(TimeSpan.FromSeconds(4));
        await snapshot.RefreshAsync(TestContext.Current.CancellationToken);
        _listener.RecordObservableInstruments();
        Assert.Equal(1, _queue.Calls);
        Assert.Equal(7, _measured["syncbridge_queue_depth|"]);
        Assert.Equal(604, _measured["syncbridge_sync_lag_seconds|source=hubspot:contacts"]);

        _time.Advance(SyncStateSnapshot.CacheFor);
        await snapshot.RefreshAsync(TestContext.Current.CancellationToken);
        _listener.RecordObservableInstruments();
        Assert.Equal(2, _queue.Calls);
        Assert.Equal(0, _measured["syncbridge_queue_depth|"]);
    }

    [Fact]
    public async Task Gauges_QueueUnreadable_LeavesTheQueueGaugesOutInsteadOfReportingZero()
    {
        _ = Create(out var snapshot);
        _queue.Failure = new InvalidOperationException("management API answered 500");

        await snapshot.RefreshAsync(TestContext.Current.CancellationToken);
        _listener.RecordObservableInstruments();

        Assert.DoesNotContain(_measured.Keys, k => k.StartsWith("syncbridge_queue_depth", StringComparison.Ordinal));
        Assert.DoesNotContain(_measured.Keys, k => k.StartsWith("syncbridge_dead_letters", StringComparison.Ordinal));
    }

    private SyncBridgeMetrics Create(out SyncStateSnapshot snapshot)
    {
        snapshot = new SyncStateSnapshot(_time, NullLogger<SyncStateSnapshot>.Instance, _reports, _queue);
        return new SyncBridgeMetrics(_services.GetRequiredService<IMeterFactory>(), snapshot);
    }

    private static DecideSummary Decided(params (string Reason, int Persons)[] reasons) =>
        new(reasons.Sum(r => r.Persons), 0, 0)
        {
            Run = new DecisionRunSummary
            {
                AsOf = Now,
                Reasons = reasons.ToDictionary(r => r.Reason, r => r.Persons),
                Forecast = new BillingForecast(),
            },
        };

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<string>();
        foreach (var tag in tags)
        {
            labels.Add($"{tag.Key}={tag.Value}");
        }

        return instrument.Name + "|" + string.Join(",", labels);
    }

    private sealed class CountingQueueMonitor : IQueueMonitor
    {
        public QueueStatus Status { get; set; } = new(0, 0, null, 0);

        public Exception? Failure { get; set; }

        public int Calls { get; private set; }

        public Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Failure is null ? Task.FromResult(Status) : Task.FromException<QueueStatus>(Failure);
        }
    }

    private sealed class FixedReportStore : IReportStore
    {
        public IReadOnlyList<SourceStatus> Sources { get; set; } = [];

        public Task<IReadOnlyList<SourceStatus>> ListSourcesAsync(CancellationToken cancellationToken) => Task.FromResult(Sources);

        public Task SaveDecisionRunAsync(DecisionRunSummary run, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DecisionRunSummary>> ListDecisionRunsAsync(int max, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task SaveSourceRunAsync(SourceRunRecord run, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<RecentDecision>> ListRecentDecisionsAsync(int max, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
