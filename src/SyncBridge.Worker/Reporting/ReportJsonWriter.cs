using System.Text;
using System.Text.Json;
using SyncBridge.Core.Sync.Reporting;

namespace SyncBridge.Worker.Reporting;

/// <summary>
/// Writes a <see cref="StatusReport"/> as JSON for machines (<c>report --format json</c>). A contract: camelCase names,
/// timestamps ISO-8601 in UTC (<c>2026-11-22T09:00:00Z</c>), dates <c>yyyy-MM-dd</c>, durations in seconds, absent
/// values as <c>null</c>; fields are only ever added (<see cref="SchemaVersion"/> rises when one changes meaning).
/// </summary>
internal sealed class ReportJsonWriter(bool indented = true)
{
    /// <summary>The <c>schemaVersion</c> written at the top of every document.</summary>
    public const int SchemaVersion = 1;

    private readonly JsonWriterOptions _options = new() { Indented = indented };

    public string Write(StatusReport report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Write(StatusReport report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, _options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        Time(json, "generatedAt", report.GeneratedAt);
        json.WriteString("stateStore", report.StateStore);
        json.WritePropertyName("latest");
        if (report.Latest is { } latest)
        {
            WriteRun(json, latest, full: true);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("runs");
        foreach (var run in report.Runs)
        {
            WriteRun(json, run, full: false);
        }

        json.WriteEndArray();
        json.WriteStartArray("forecast");
        foreach (var point in report.Forecast)
        {
            json.WriteStartObject();
            Time(json, "at", point.At);
            json.WriteNumber("marketingContacts", point.MarketingContacts);
            json.WriteNumber("tierLimit", point.TierLimit);
            json.WriteBoolean("projected", point.Projected);
            json.WriteString("label", point.Label);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("sources");
        foreach (var source in report.Sources)
        {
            WriteSource(json, source);
        }

        json.WriteEndArray();
        json.WritePropertyName("queue");
        if (report.Queue is { } queue)
        {
            json.WriteStartObject();
            json.WriteString("transport", queue.Transport);
            json.WriteNumber("depth", queue.Depth);
            json.WriteNumber("inFlight", queue.InFlight);
            Seconds(json, "oldestAgeSeconds", queue.OldestAge);
            json.WriteNumber("deadLetters", queue.DeadLetters);
            json.WriteNumber("outboxPending", queue.OutboxPending);
            if (queue.Caveat is { Length: > 0 } caveat)
            {
                json.WriteString("caveat", caveat);
            }
            else
            {
                json.WriteNull("caveat");
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteString("queueError", report.QueueError);
        json.WriteStartArray("recentDecisions");
        foreach (var decision in report.RecentDecisions)
        {
            json.WriteStartObject();
            json.WriteString("personId", decision.PersonId);
            json.WriteString("stage", decision.Stage);
            json.WriteBoolean("marketing", decision.Marketing);
            json.WriteStartArray("reasonCodes");
            foreach (var code in decision.ReasonCodes)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteNumber("score", decision.Score);
            json.WriteBoolean("hot", decision.Hot);
            Time(json, "decidedAt", decision.DecidedAt);
            json.WriteNumber("version", decision.Version);
            Time(json, "changedAt", decision.ChangedAt);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRun(Utf8JsonWriter json, DecisionRunSummary run, bool full)
    {
        json.WriteStartObject();
        Time(json, "asOf", run.AsOf);
        json.WriteNumber("persons", run.Persons);
        json.WriteNumber("marketing", run.Marketing);
        json.WriteNumber("hot", run.Hot);
        json.WriteNumber("candidates", run.Candidates);
        json.WriteNumber("updatesQueued", run.UpdatesQueued);
        if (full)
        {
            json.WriteStartObject("funnelBefore");
            foreach (var row in FunnelRows.Of(run))
            {
                json.WriteNumber(row.Stage, row.Before);
            }

            json.WriteEndObject();
            json.WriteStartObject("funnelAfter");
            foreach (var row in FunnelRows.Of(run))
            {
                json.WriteNumber(row.Stage, row.After);
            }

            json.WriteEndObject();
            json.WriteStartObject("reasons");
            foreach (var (code, count) in run.Reasons.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(code, count);
            }

            json.WriteEndObject();
        }

        var f = run.Forecast;
        json.WriteStartObject("billing");
        json.WriteNumber("marketingNow", f.MarketingNow);
        json.WriteNumber("becomingMarketingNow", f.BecomingMarketingNow);
        json.WriteNumber("becomingNonMarketingAtUpdate", f.BecomingNonMarketingAtUpdate);
        json.WriteNumber("peakBeforeUpdate", f.PeakBeforeUpdate);
        json.WriteNumber("marketingAfterUpdate", f.MarketingAfterUpdate);
        json.WriteString("nextUpdateDate", ReportFormat.Date(f.NextUpdateDate));
        json.WriteNumber("tierLimit", f.TierLimit);
        json.WriteBoolean("overTier", f.OverTier);
        json.WriteNumber("tierNow", f.TierNow);
        json.WriteNumber("tierAfter", f.TierAfter);
        json.WriteNumber("monthlyCostNow", f.MonthlyCostNow);
        json.WriteNumber("monthlyCostAfter", f.MonthlyCostAfter);
        json.WriteNumber("tierAtRenewal", f.TierAtRenewal);
        json.WriteNumber("monthlyCostAtRenewal", f.MonthlyCostAtRenewal);
        json.WriteNumber("monthlySaving", f.MonthlySaving);
        json.WriteBoolean("beyondLargestTier", f.BeyondLargestTier);
        json.WriteString("currency", f.Currency);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, SourceView view)
    {
        var s = view.Status;
        json.WriteStartObject();
        json.WriteString("name", s.Source);
        Time(json, "cursorTimestamp", s.CursorTimestamp);
        json.WriteString("cursorRecordId", s.CursorRecordId);
        Seconds(json, "lagSeconds", view.Lag);
        Time(json, "lastStartedAt", s.LastStartedAt);
        Time(json, "lastFinishedAt", s.LastFinishedAt);
        Time(json, "lastSuccessAt", s.LastSuccessAt);
        json.WriteNumber("lastPages", s.LastPages);
        json.WriteNumber("lastRecords", s.LastRecords);
        json.WriteNumber("lastRecordErrors", s.LastRecordErrors);
        json.WriteString("lastError", s.LastError);
        json.WriteNumber("runs", s.Runs);
        json.WriteNumber("totalRecords", s.TotalRecords);
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteString(name, at.UtcDateTime);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Seconds(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } span)
        {
            json.WriteNumber(name, Math.Round(span.TotalSeconds, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
