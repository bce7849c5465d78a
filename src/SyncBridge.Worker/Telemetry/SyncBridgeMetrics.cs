using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Telemetry;

/// <summary>
/// Meter <c>SyncBridge</c> (Prometheus names in brackets): records polled per source
/// [<c>syncbridge_records_polled_total{source}</c>], persons per marketing reason per decision run
/// [<c>syncbridge_decisions_total{reason}</c>], updates by outcome [<c>syncbridge_updates_total{outcome}</c>], and the
/// gauges read from <see cref="SyncStateSnapshot"/>: queue depth, dead letters, API budget used per CRM and sync lag per
/// source. The counters are observable counters over running totals kept here, so a meter provider that starts after
/// the first records (the web server of <c>demo --serve</c>) still sees every one of them.
/// </summary>
internal sealed class SyncBridgeMetrics
{
    public const string MeterName = "SyncBridge";

    public const string Applied = "applied";
    public const string Failed = "failed";
    public const string DeadLettered = "dead_lettered";

    private readonly ConcurrentDictionary<string, long> _polled = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _decisions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _updates = new(StringComparer.Ordinal);

    public SyncBridgeMetrics(IMeterFactory meterFactory, SyncStateSnapshot state)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(state);
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("syncbridge_records_polled", () => Observe(_polled, "source"), "{record}", "Records read from each source.");
        meter.CreateObservableCounter("syncbridge_decisions", () => Observe(_decisions, "reason"), "{person}", "Persons decided per marketing reason code, summed over decision runs.");
        meter.CreateObservableCounter("syncbridge_updates", () => Observe(_updates, "outcome"), "{update}", "Updates received from the queue by outcome: applied, failed (a CRM write failed; retried later) or dead_lettered.");
        meter.CreateObservableGauge("syncbridge_queue_depth", state.ObserveQueueDepth, "{message}", "Update messages not yet completed (in flight included).");
        meter.CreateObservableGauge("syncbridge_dead_letters", state.ObserveDeadLetters, "{message}", "Messages in the dead-letter queue.");
        meter.CreateObservableGauge("syncbridge_api_budget_used_ratio", state.ObserveApiBudget, null, "Share of each CRM's daily API allocation used, as the CRM last reported it (0..1).");
        meter.CreateObservableGauge("syncbridge_sync_lag_seconds", state.ObserveSyncLag, null, "Now minus the modification time each source's cursor has reached.");
    }

    /// <summary>A source run read <paramref name="records"/> records.</summary>
    public void RecordPolled(string source, long records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _polled.AddOrUpdate(source, Math.Max(records, 0), (_, total) => total + Math.Max(records, 0));
    }

    /// <summary>
    /// One decision run: adds its persons per marketing reason code. Call it wherever <see cref="PersonDecider.DecideAsync"/>
    /// is called (the decide loop of <c>run</c> does; <c>sync</c> and <c>demo</c> call it after their decide step).
    /// </summary>
    public void RecordDecisions(DecideSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var (reason, persons) in summary.Run?.Reasons ?? new Dictionary<string, int>())
        {
            _decisions.AddOrUpdate(reason, persons, (_, total) => total + persons);
        }
    }

    /// <summary>One consumed batch: applied, failed (retried later) and dead-lettered updates.</summary>
    public void RecordUpdates(ConsumeBatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Add(_updates, Applied, result.Applied);
        Add(_updates, Failed, result.Retried);
        Add(_updates, DeadLettered, result.DeadLettered);
    }

    /// <summary>The running totals (tests and the demo summary).</summary>
    public long Total(string instrument, string label) => instrument switch
    {
        "records_polled" => _polled.GetValueOrDefault(label),
        "decisions" => _decisions.GetValueOrDefault(label),
        "updates" => _updates.GetValueOrDefault(label),
        _ => throw new ArgumentOutOfRangeException(nameof(instrument), instrument, "records_polled, decisions or updates"),
    };

    private static void Add(ConcurrentDictionary<string, long> totals, string key, long value) =>
        totals.AddOrUpdate(key, value, (_, total) => total + value);

    private static List<Measurement<long>> Observe(ConcurrentDictionary<string, long> totals, string label) =>
        [.. totals.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>(label, pair.Key)))];
}
