using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Storage.Tests.Sqlite;
using static SyncBridge.Storage.Tests.Sqlite.ChangeSets;

namespace SyncBridge.Storage.Tests.Contracts;

/// <summary>The behaviour of <see cref="IReportStore"/> every provider has.</summary>
public abstract class ReportStoreContract : IAsyncDisposable
{
    private readonly StoreBackend _backend;
    private readonly FakeTimeProvider _time = new(StoreFactory.Start);
    private readonly StoreSet _state;
    private readonly IReportStore _reports;

    protected ReportStoreContract(StoreBackend backend)
    {
        _backend = backend;
        _state = backend.Open(_time);
        _reports = _state.Reports;
    }

    public async ValueTask DisposeAsync()
    {
        _state.Dispose();
        await _backend.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DecisionRunSummary Run(int minutes, int marketing) => new()
    {
        AsOf = StoreFactory.Start.AddMinutes(minutes),
        Persons = 100 + minutes,
        Marketing = marketing,
        Hot = 7,
        Candidates = marketing + 3,
        UpdatesQueued = 12,
        FunnelBefore = new Dictionary<string, int>(StringComparer.Ordinal) { ["none"] = 40, ["lead"] = 60 },
        FunnelAfter = new Dictionary<string, int>(StringComparer.Ordinal) { ["lead"] = 70, ["marketingqualifiedlead"] = 30 },
        Reasons = new Dictionary<string, int>(StringComparer.Ordinal) { ["engaged_recently"] = marketing, ["dormant"] = 5 },
        Forecast = new BillingForecast
        {
            MarketingNow = 50,
            BecomingMarketingNow = 5,
            BecomingNonMarketingAtUpdate = 9,
            PeakBeforeUpdate = 55,
            MarketingAfterUpdate = 46,
            NextUpdateDate = new DateOnly(2026, 12, 1),
            TierLimit = 1000,
            TierNow = 1000,
            TierAfter = 1000,
            MonthlyCostNow = 890m,
            MonthlyCostAfter = 890m,
            Currency = "USD",
        },
    };

    [Fact]
    public async Task SaveDecisionRunAsync_ThenList_RoundTripsEveryField()
    {
        var run = Run(0, 42);

        await _reports.SaveDecisionRunAsync(run, Ct);
        var listed = Assert.Single(await _reports.ListDecisionRunsAsync(10, Ct));

        Assert.Equal(run.AsOf, listed.AsOf);
        Assert.Equal((run.Persons, run.Marketing, run.Hot, run.Candidates, run.UpdatesQueued), (listed.Persons, listed.Marketing, listed.Hot, listed.Candidates, listed.UpdatesQueued));
        Assert.Equal(run.FunnelBefore.OrderBy(p => p.Key, StringComparer.Ordinal), listed.FunnelBefore.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(run.FunnelAfter.OrderBy(p => p.Key, StringComparer.Ordinal), listed.FunnelAfter.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(run.Reasons.OrderBy(p => p.Key, StringComparer.Ordinal), listed.Reasons.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(run.Forecast, listed.Forecast);
    }

    [Fact]
    public async Task ListDecisionRunsAsync_MoreThanMax_ReturnsTheLatestMaxOldestFirst()
    {
        for (var i = 0; i < 5; i++)
        {
            await _reports.SaveDecisionRunAsync(Run(i * 10, 40 + i), Ct);
        }

        var listed = await _reports.ListDecisionRunsAsync(3, Ct);

        Assert.Equal([42, 43, 44], listed.Select(r => r.Marketing));
        Assert.Equal([StoreFactory.Start.AddMinutes(20), StoreFactory.Start.AddMinutes(30), StoreFactory.Start.AddMinutes(40)], listed.Select(r => r.AsOf));
    }

    [Fact]
    public async Task ListDecisionRunsAsync_EmptyStore_ReturnsNothing()
    {
        Assert.Empty(await _reports.ListDecisionRunsAsync(5, Ct));
        Assert.Empty(await _reports.ListSourcesAsync(Ct));
        Assert.Empty(await _reports.ListRecentDecisionsAsync(5, Ct));
    }

    [Fact]
    public async Task SaveSourceRunAsync_SeveralRuns_AccumulatesRunsAndRecordsAndKeepsLastSuccessAcrossAFailure()
    {
        var t0 = StoreFactory.Start;
        await _reports.SaveSourceRunAsync(new SourceRunRecord("hubspot-contacts", t0, t0.AddSeconds(30), 2, 150, 1, string.Empty), Ct);
        await _reports.SaveSourceRunAsync(new SourceRunRecord("hubspot-contacts", t0.AddMinutes(5), t0.AddMinutes(5).AddSeconds(20), 1, 40, 0, string.Empty), Ct);
        await _reports.SaveSourceRunAsync(new SourceRunRecord("hubspot-contacts", t0.AddMinutes(10), t0.AddMinutes(10).AddSeconds(3), 0, 0, 0, "HTTP 503 from /crm/v3/objects/contacts/search"), Ct);

        var source = Assert.Single(await _reports.ListSourcesAsync(Ct));

        Assert.Equal("hubspot-contacts", source.Source);
        Assert.Equal(3, source.Runs);
        Assert.Equal(190, source.TotalRecords);
        Assert.Equal(t0.AddMinutes(10), source.LastStartedAt);
        Assert.Equal(t0.AddMinutes(10).AddSeconds(3), source.LastFinishedAt);
        Assert.Equal(t0.AddMinutes(5).AddSeconds(20), source.LastSuccessAt);
        Assert.Equal((0, 0, 0), (source.LastPages, source.LastRecords, source.LastRecordErrors));
        Assert.Equal("HTTP 503 from /crm/v3/objects/contacts/search", source.LastError);
        Assert.Null(source.CursorTimestamp);
    }

    [Fact]
    public async Task SaveSourceRunAsync_SuccessAfterFailure_ClearsTheErrorAndMovesLastSuccess()
    {
        var t0 = StoreFactory.Start;
        await _reports.SaveSourceRunAsync(new SourceRunRecord("csv", t0, t0.AddSeconds(1), 0, 0, 0, "file locked"), Ct);
        var failed = Assert.Single(await _reports.ListSourcesAsync(Ct));
        await _reports.SaveSourceRunAsync(new SourceRunRecord("csv", t0.AddMinutes(1), t0.AddMinutes(2), 1, 9, 2, string.Empty), Ct);

        var source = Assert.Single(await _reports.ListSourcesAsync(Ct));

        Assert.Null(failed.LastSuccessAt);
        Assert.Equal(string.Empty, source.LastError);
        Assert.Equal(t0.AddMinutes(2), source.LastSuccessAt);
        Assert.Equal((1, 9, 2), (source.LastPages, source.LastRecords, source.LastRecordErrors));
    }

    [Fact]
    public async Task ListSourcesAsync_CursorsAndRuns_JoinsThemByNameAndLeavesOutTheDecisionsCursor()
    {
        var t0 = StoreFactory.Start;
        await _state.SaveCursorAsync("salesforce-leads", new SourceCursor(t0.AddHours(-1), "00Q000000000001"), Ct);
        await _state.SaveCursorAsync("hubspot-contacts", new SourceCursor(t0.AddHours(-2), "501"), Ct);
        await _state.SaveCursorAsync(PersonDecider.CursorName, new SourceCursor(t0, string.Empty, "77"), Ct);
        await _reports.SaveSourceRunAsync(new SourceRunRecord("hubspot-contacts", t0, t0.AddSeconds(9), 3, 250, 0, string.Empty), Ct);
        await _reports.SaveSourceRunAsync(new SourceRunRecord("import", t0, t0.AddSeconds(2), 1, 12, 0, string.Empty), Ct);

        var sources = await _reports.ListSourcesAsync(Ct);

        Assert.Equal(["hubspot-contacts", "import", "salesforce-leads"], sources.Select(s => s.Source));
        var hubSpot = sources[0];
        Assert.Equal(t0.AddHours(-2), hubSpot.CursorTimestamp);
        Assert.Equal("501", hubSpot.CursorRecordId);
        Assert.Equal(1, hubSpot.Runs);
        Assert.Equal(250, hubSpot.TotalRecords);
        var import = sources[1];
        Assert.Null(import.CursorTimestamp);
        Assert.Equal(string.Empty, import.CursorRecordId);
        Assert.Equal(12, import.LastRecords);
        var leads = sources[2];
        Assert.Equal(t0.AddHours(-1), leads.CursorTimestamp);
        Assert.Equal("00Q000000000001", leads.CursorRecordId);
        Assert.Equal(0, leads.Runs);
        Assert.Null(leads.LastStartedAt);
        Assert.Null(leads.LastSuccessAt);
    }

    [Fact]
    public async Task ListRecentDecisionsAsync_SeveralCommits_OrdersByVersionChangeTimeNewestFirstAndLimits()
    {
        var outbox = _state.Outbox;
        await outbox.CommitAsync([Set("p-old", Change(HubSpot("1"), ("lifecyclestage", "lead")))], Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.CommitAsync([Set("p-mid", Change(HubSpot("2"), ("lifecyclestage", "lead")))], Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.CommitAsync(
            [
                new PersonChangeSet(
                    new DecisionRecord("p-new", LifecycleStage.MarketingQualifiedLead, MarketingStatus.NonMarketing, "dormant;hard_bounce", 12.25, Hot: true, StoreFactory.Start.AddMinutes(2), string.Empty),
                    [Change(HubSpot("3"), ("lifecyclestage", "marketingqualifiedlead"))]),
            ],
            Ct);
        _time.Advance(TimeSpan.FromMinutes(1));

        // A decision that changed no target has no version: it sorts after every versioned one.
        await outbox.CommitAsync([Set("p-unchanged", Unchanged(HubSpot("4"), ("lifecyclestage", "lead")))], Ct);

        var all = await _reports.ListRecentDecisionsAsync(10, Ct);
        var two = await _reports.ListRecentDecisionsAsync(2, Ct);

        Assert.Equal(["p-new", "p-mid", "p-old", "p-unchanged"], all.Select(d => d.PersonId));
        Assert.Equal(["p-new", "p-mid"], two.Select(d => d.PersonId));
        var newest = all[0];
        Assert.Equal("marketingqualifiedlead", newest.Stage);
        Assert.False(newest.Marketing);
        Assert.Equal(["dormant", "hard_bounce"], newest.ReasonCodes);
        Assert.Equal(12.25, newest.Score);
        Assert.True(newest.Hot);
        Assert.Equal(StoreFactory.Start.AddMinutes(2), newest.DecidedAt);
        Assert.Equal(1, newest.Version);
        Assert.Equal(StoreFactory.Start.AddMinutes(2), newest.ChangedAt);
        Assert.True(all[1].Marketing);
        Assert.Equal(["engaged_recently"], all[1].ReasonCodes);
        Assert.Equal(0, all[3].Version);
        Assert.Null(all[3].ChangedAt);
    }

    [Fact]
    public async Task ListRecentDecisionsAsync_PersonChangedAgain_MovesToTheTopWithItsNewVersion()
    {
        var outbox = _state.Outbox;
        await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "1"))), Set("p2", Change(HubSpot("2"), ("a", "1")))], Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.CommitAsync([Set("p2", Change(HubSpot("2"), ("a", "2")))], Ct);
        _time.Advance(TimeSpan.FromMinutes(1));
        await outbox.CommitAsync([Set("p1", Change(HubSpot("1"), ("a", "2")))], Ct);

        var all = await _reports.ListRecentDecisionsAsync(10, Ct);

        Assert.Equal(["p1", "p2"], all.Select(d => d.PersonId));
        Assert.Equal([2L, 2L], all.Select(d => d.Version));
        Assert.Equal(StoreFactory.Start.AddMinutes(2), all[0].ChangedAt);
    }

    [Fact]
    public async Task ListDecisionRunsAsync_MaxZero_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _reports.ListDecisionRunsAsync(0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _reports.ListRecentDecisionsAsync(0, Ct));
    }
}
