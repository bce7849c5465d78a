using System.Globalization;
using System.Text.Json;
using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Tests.Reporting;

/// <summary>The JSON is a contract for machines: every field is read back and checked against the model it came from.</summary>
public sealed class ReportJsonWriterTests
{
    private static JsonElement Write(StatusReport report) => JsonDocument.Parse(new ReportJsonWriter().Write(report)).RootElement.Clone();

    private static DateTimeOffset Time(JsonElement element)
    {
        var text = element.GetString()!;
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    [Fact]
    public void Write_FullReport_CarriesTheHeadlineFiguresAndBilling()
    {
        var report = ReportModels.Full();
        var root = Write(report);

        Assert.Equal(ReportJsonWriter.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(report.GeneratedAt, Time(root.GetProperty("generatedAt")));
        Assert.Equal(report.StateStore, root.GetProperty("stateStore").GetString());

        var latest = root.GetProperty("latest");
        var run = report.Latest!;
        Assert.Equal(run.AsOf, Time(latest.GetProperty("asOf")));
        Assert.Equal(run.Persons, latest.GetProperty("persons").GetInt32());
        Assert.Equal(run.Marketing, latest.GetProperty("marketing").GetInt32());
        Assert.Equal(run.Hot, latest.GetProperty("hot").GetInt32());
        Assert.Equal(run.Candidates, latest.GetProperty("candidates").GetInt32());
        Assert.Equal(run.UpdatesQueued, latest.GetProperty("updatesQueued").GetInt32());

        var billing = latest.GetProperty("billing");
        var f = run.Forecast;
        Assert.Equal(f.MarketingNow, billing.GetProperty("marketingNow").GetInt32());
        Assert.Equal(f.BecomingMarketingNow, billing.GetProperty("becomingMarketingNow").GetInt32());
        Assert.Equal(f.BecomingNonMarketingAtUpdate, billing.GetProperty("becomingNonMarketingAtUpdate").GetInt32());
        Assert.Equal(f.PeakBeforeUpdate, billing.GetProperty("peakBeforeUpdate").GetInt32());
        Assert.Equal(f.MarketingAfterUpdate, billing.GetProperty("marketingAfterUpdate").GetInt32());
        Assert.Equal("2026-12-01", billing.GetProperty("nextUpdateDate").GetString());
        Assert.Equal(f.TierLimit, billing.GetProperty("tierLimit").GetInt32());
        Assert.Equal(f.OverTier, billing.GetProperty("overTier").GetBoolean());
        Assert.Equal(f.TierNow, billing.GetProperty("tierNow").GetInt32());
        Assert.Equal(f.TierAfter, billing.GetProperty("tierAfter").GetInt32());
        Assert.Equal(f.MonthlyCostNow, billing.GetProperty("monthlyCostNow").GetDecimal());
        Assert.Equal(f.MonthlyCostAfter, billing.GetProperty("monthlyCostAfter").GetDecimal());
        Assert.Equal(f.MonthlyCostNow - f.MonthlyCostAtRenewal, billing.GetProperty("monthlySaving").GetDecimal());
        Assert.Equal(f.TierAtRenewal, billing.GetProperty("tierAtRenewal").GetInt32());
        Assert.Equal(f.MonthlyCostAtRenewal, billing.GetProperty("monthlyCostAtRenewal").GetDecimal());
        Assert.Equal(f.BeyondLargestTier, billing.GetProperty("beyondLargestTier").GetBoolean());
        Assert.Equal(f.Currency, billing.GetProperty("currency").GetString());
    }

    [Fact]
    public void Write_FullReport_FunnelInLifecycleOrderAndReasonsByCode()
    {
        var report = ReportModels.Full();
        var latest = Write(report).GetProperty("latest");

        var before = latest.GetProperty("funnelBefore").EnumerateObject().ToList();
        var after = latest.GetProperty("funnelAfter").EnumerateObject().ToList();
        Assert.Equal(FunnelRows.Order, before.Select(p => p.Name));
        Assert.Equal(FunnelRows.Order, after.Select(p => p.Name));
        Assert.All(before, p => Assert.Equal(report.Latest!.FunnelBefore.GetValueOrDefault(p.Name), p.Value.GetInt32()));
        Assert.All(after, p => Assert.Equal(report.Latest!.FunnelAfter.GetValueOrDefault(p.Name), p.Value.GetInt32()));
        Assert.Equal(
            report.Latest!.Reasons.OrderBy(r => r.Key, StringComparer.Ordinal),
            latest.GetProperty("reasons").EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetInt32())));
    }

    [Fact]
    public void Write_FullReport_RunsAndForecastMatchTheModel()
    {
        var report = ReportModels.Full();
        var root = Write(report);

        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(report.Runs.Select(r => r.AsOf), runs.Select(r => Time(r.GetProperty("asOf"))));
        Assert.Equal(report.Runs.Select(r => r.Forecast.MarketingNow), runs.Select(r => r.GetProperty("billing").GetProperty("marketingNow").GetInt32()));
        Assert.All(runs, r => Assert.False(r.TryGetProperty("funnelBefore", out _)));

        var forecast = root.GetProperty("forecast").EnumerateArray().ToList();
        Assert.Equal(report.Forecast.Count, forecast.Count);
        for (var i = 0; i < forecast.Count; i++)
        {
            var point = report.Forecast[i];
            Assert.Equal(point.At, Time(forecast[i].GetProperty("at")));
            Assert.Equal(point.MarketingContacts, forecast[i].GetProperty("marketingContacts").GetInt32());
            Assert.Equal(point.TierLimit, forecast[i].GetProperty("tierLimit").GetInt32());
            Assert.Equal(point.Projected, forecast[i].GetProperty("projected").GetBoolean());
            Assert.Equal(point.Label, forecast[i].GetProperty("label").GetString());
        }
    }

    [Fact]
    public void Write_FullReport_SourcesQueueAndDecisionsMatchTheModel()
    {
        var report = ReportModels.Full();
        var root = Write(report);

        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(report.Sources.Select(s => s.Status.Source), sources.Select(s => s.GetProperty("name").GetString()));
        var hubSpot = sources[0];
        var status = report.Sources[0].Status;
        Assert.Equal(status.CursorTimestamp, Time(hubSpot.GetProperty("cursorTimestamp")));
        Assert.Equal(status.CursorRecordId, hubSpot.GetProperty("cursorRecordId").GetString());
        Assert.Equal(report.Sources[0].Lag!.Value.TotalSeconds, hubSpot.GetProperty("lagSeconds").GetDouble());
        Assert.Equal(status.LastStartedAt, Time(hubSpot.GetProperty("lastStartedAt")));
        Assert.Equal(status.LastFinishedAt, Time(hubSpot.GetProperty("lastFinishedAt")));
        Assert.Equal(status.LastSuccessAt, Time(hubSpot.GetProperty("lastSuccessAt")));
        Assert.Equal(status.LastPages, hubSpot.GetProperty("lastPages").GetInt32());
        Assert.Equal(status.LastRecords, hubSpot.GetProperty("lastRecords").GetInt32());
        Assert.Equal(status.LastRecordErrors, hubSpot.GetProperty("lastRecordErrors").GetInt32());
        Assert.Equal(status.Runs, hubSpot.GetProperty("runs").GetInt64());
        Assert.Equal(status.TotalRecords, hubSpot.GetProperty("totalRecords").GetInt64());
        Assert.Equal(ReportModels.HostileError, sources[1].GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, sources[2].GetProperty("cursorTimestamp").ValueKind);
        Assert.Equal(JsonValueKind.Null, sources[2].GetProperty("lagSeconds").ValueKind);

        var queue = root.GetProperty("queue");
        var q = report.Queue!;
        Assert.Equal(q.Transport, queue.GetProperty("transport").GetString());
        Assert.Equal(q.Depth, queue.GetProperty("depth").GetInt64());
        Assert.Equal(q.InFlight, queue.GetProperty("inFlight").GetInt64());
        Assert.Equal(q.OldestAge!.Value.TotalSeconds, queue.GetProperty("oldestAgeSeconds").GetDouble());
        Assert.Equal(q.DeadLetters, queue.GetProperty("deadLetters").GetInt64());
        Assert.Equal(q.OutboxPending, queue.GetProperty("outboxPending").GetInt64());
        Assert.Equal(string.Empty, root.GetProperty("queueError").GetString());

        var decisions = root.GetProperty("recentDecisions").EnumerateArray().ToList();
        Assert.Equal(report.RecentDecisions.Count, decisions.Count);
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = report.RecentDecisions[i];
            Assert.Equal(d.PersonId, decisions[i].GetProperty("personId").GetString());
            Assert.Equal(d.Stage, decisions[i].GetProperty("stage").GetString());
            Assert.Equal(d.Marketing, decisions[i].GetProperty("marketing").GetBoolean());
            Assert.Equal(d.ReasonCodes, decisions[i].GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()!));
            Assert.Equal(d.Score, decisions[i].GetProperty("score").GetDouble());
            Assert.Equal(d.Hot, decisions[i].GetProperty("hot").GetBoolean());
            Assert.Equal(d.DecidedAt, Time(decisions[i].GetProperty("decidedAt")));
            Assert.Equal(d.Version, decisions[i].GetProperty("version").GetInt64());
        }

        Assert.Equal(report.RecentDecisions[0].ChangedAt, Time(decisions[0].GetProperty("changedAt")));
        Assert.Equal(JsonValueKind.Null, decisions[1].GetProperty("changedAt").ValueKind);
    }

    [Fact]
    public void Write_EmptyReport_NullLatestEmptyListsAndTheQueueError()
    {
        var report = ReportModels.Empty();
        var root = Write(report);

        Assert.Equal(JsonValueKind.Null, root.GetProperty("latest").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("queue").ValueKind);
        Assert.Equal(report.QueueError, root.GetProperty("queueError").GetString());
        foreach (var list in new[] { "runs", "forecast", "sources", "recentDecisions" })
        {
            Assert.Equal(0, root.GetProperty(list).GetArrayLength());
        }
    }

    [Fact]
    public void Write_NonUtcTimestamps_AreWrittenInUtc()
    {
        var report = ReportModels.Empty() with { GeneratedAt = new DateTimeOffset(2026, 11, 23, 14, 0, 0, TimeSpan.FromHours(9)) };

        var text = Write(report).GetProperty("generatedAt").GetString();

        Assert.Equal("2026-11-23T05:00:00Z", text);
    }

    [Fact]
    public void Write_QueueCaveat_IsCarriedAndNullWithoutOne()
    {
        var withCaveat = ReportModels.Full() with { Queue = new QueueView(3, 3, null, 0, 0, "servicebus", "depth read refused (401)") };

        Assert.Equal("depth read refused (401)", Write(withCaveat).GetProperty("queue").GetProperty("caveat").GetString());
        Assert.Equal(JsonValueKind.Null, Write(ReportModels.Full()).GetProperty("queue").GetProperty("caveat").ValueKind);
    }
}
