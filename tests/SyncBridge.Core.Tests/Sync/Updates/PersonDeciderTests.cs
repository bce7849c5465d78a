using Microsoft.Extensions.Options;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Reporting;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Decisions;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

/// <summary><see cref="PersonDecider"/>: decides the whole population from stored contacts when anything changed, once per change.</summary>
public sealed class PersonDeciderTests
{
    private readonly FakeTimeProvider _time = new(UpdateWorld.Start);
    private readonly StoredContacts _contacts = new();
    private readonly Cursors _state = new();
    private readonly FakeOutboxStore _outbox;
    private readonly FakeReportStore _reports = new();
    private readonly PersonDecider _decider;

    public PersonDeciderTests()
    {
        _outbox = new FakeOutboxStore(_time);
        var planner = new UpdatePlanner(_outbox, [new TestPropertyMap(SourceSystem.HubSpot), new TestPropertyMap(SourceSystem.Salesforce)], Options.Create(new OutboxOptions()), _time, NullLogger<UpdatePlanner>.Instance);
        _decider = new PersonDecider(
            _contacts,
            _state,
            new PersonMerger(MergePolicy.FromOptions(new MergePolicyOptions())),
            new DecisionEngine(new DecisionSettings()),
            planner,
            _reports,
            _time,
            NullLogger<PersonDecider>.Instance);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CanonicalContact Record(SourceRef source, string email) => People.Contact(email) with { Source = source };

    [Fact]
    public async Task DecideAsync_NothingStored_DecidesNothing()
    {
        var summary = await _decider.DecideAsync(Ct);

        Assert.Equal(new DecideSummary(0, 0, 0), summary);
        Assert.Equal(0, _outbox.CommitCalls);
    }

    [Fact]
    public async Task DecideAsync_PersonWithRecordsInBothCrms_OneDecisionAndAnUpdateForEachRecord()
    {
        _contacts.Save("p1", Record(UpdateWorld.Contact("101"), "hanako@example.co.jp"));
        _contacts.Save("p1", Record(UpdateWorld.Lead("00Q1"), "hanako@example.co.jp"));
        _contacts.Save("p2", Record(new SourceRef(SourceSystem.Csv, string.Empty, "row-7"), "jiro@example.com"));

        var summary = await _decider.DecideAsync(Ct);

        Assert.Equal(2, summary.Persons);
        Assert.Equal(2, summary.Updates);
        Assert.Equal(new HashSet<SourceRef> { UpdateWorld.Contact("101"), UpdateWorld.Lead("00Q1") }, _outbox.AllMessages.Select(m => m.Target).ToHashSet());
        Assert.All(_outbox.AllMessages, m => Assert.Equal("p1", m.PersonKey));
        Assert.NotNull(await _outbox.GetDecisionAsync("p2", Ct));
    }

    [Fact]
    public async Task DecideAsync_SecondRunWithoutChanges_DecidesNothingAndAChangeDecidesEveryoneAgain()
    {
        _contacts.Save("p1", Record(UpdateWorld.Contact("101"), "hanako@example.co.jp"));
        _contacts.Save("p2", Record(UpdateWorld.Contact("102"), "jiro@example.com"));
        await _decider.DecideAsync(Ct);

        var idle = await _decider.DecideAsync(Ct);
        _contacts.Save("p2", Record(UpdateWorld.Contact("102"), "jiro@example.com") with { LifecycleStage = LifecycleStage.Customer });
        _time.Advance(TimeSpan.FromHours(1));
        var again = await _decider.DecideAsync(Ct);

        Assert.Equal(0, idle.Persons);
        Assert.Equal(2, again.Persons);
        Assert.Equal(1, again.Updates); // only p2's record changes: the diff drops p1's unchanged one
        Assert.Equal("p2", Assert.Single(_outbox.AllMessages, m => m.Version == 2).PersonKey);
        Assert.Equal(LifecycleStage.Customer, (await _outbox.GetDecisionAsync("p2", Ct))?.Stage);
    }

    [Fact]
    public async Task DecideAsync_Decided_RecordsTheRunWithTheFunnelBeforeAndAfterAndTheForecast()
    {
        _contacts.Save("p1", Record(UpdateWorld.Contact("101"), "hanako@example.co.jp") with { LifecycleStage = LifecycleStage.Customer });
        _contacts.Save("p2", Record(UpdateWorld.Contact("102"), "jiro@example.com") with { LifecycleStage = null });
        _contacts.Save("p3", Record(UpdateWorld.Lead("00Q3"), "taro@example.com") with { LifecycleStage = LifecycleStage.Lead });

        var summary = await _decider.DecideAsync(Ct);
        var idle = await _decider.DecideAsync(Ct);

        var run = Assert.Single(_reports.Runs);
        Assert.Same(run, summary.Run);
        Assert.Null(idle.Run);
        Assert.Equal(3, run.Persons);
        Assert.Equal(summary.Updates, run.UpdatesQueued);
        Assert.Equal(1, run.FunnelBefore["customer"]);
        Assert.Equal(1, run.FunnelBefore["lead"]);
        Assert.Equal(1, run.FunnelBefore[DecisionRunSummary.NoStage]);
        Assert.Equal(3, run.FunnelAfter.Values.Sum());
        Assert.Equal(1, run.FunnelAfter["customer"]); // forward-only: a customer stays a customer
        Assert.Equal(summary.MarketingContacts, run.Marketing);
        Assert.Equal(run.Marketing, run.Forecast.MarketingAfterUpdate);
        Assert.Equal(_time.GetUtcNow(), run.AsOf);
    }

    [Fact]
    public async Task DecideAsync_PersonListedButMergedAwayMeanwhile_IsSkipped()
    {
        _contacts.Save("p1", Record(UpdateWorld.Contact("101"), "hanako@example.co.jp"));
        _contacts.Save("ghost", Record(UpdateWorld.Contact("999"), "ghost@example.com"));
        _contacts.Forget("ghost");

        var summary = await _decider.DecideAsync(Ct);

        Assert.Equal(1, summary.Persons);
        Assert.Null(await _outbox.GetDecisionAsync("ghost", Ct));
    }

    /// <summary>An in-memory <see cref="IContactStore"/> with a change sequence; <see cref="Forget"/> drops a person's contacts but keeps it listed (merged away after listing).</summary>
    private sealed class StoredContacts : IContactStore
    {
        private readonly Dictionary<SourceRef, (string Person, CanonicalContact Contact, long Sequence)> _records = [];
        private readonly HashSet<string> _forgotten = new(StringComparer.Ordinal);
        private long _sequence;

        public void Save(string person, CanonicalContact contact) => _records[contact.Source] = (person, contact, ++_sequence);

        public void Forget(string person) => _forgotten.Add(person);

        public Task SaveContactsAsync(IReadOnlyList<PersonContact> contacts, CancellationToken cancellationToken)
        {
            foreach (var contact in contacts)
            {
                Save(contact.PersonId, contact.Contact);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyDictionary<string, IReadOnlyList<CanonicalContact>>> GetContactsOfPersonsAsync(IReadOnlyCollection<string> personIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<CanonicalContact>>>(_records.Values
                .Where(r => personIds.Contains(r.Person) && !_forgotten.Contains(r.Person))
                .GroupBy(r => r.Person, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<CanonicalContact>)g.Select(r => r.Contact).ToList(), StringComparer.Ordinal));

        public Task<ChangedPersons> ListChangedPersonsAsync(long afterSequence, int max, CancellationToken cancellationToken)
        {
            var changed = _records.Values.Where(r => r.Sequence > afterSequence).OrderBy(r => r.Sequence).ToList();
            var persons = changed.Select(r => r.Person).Distinct(StringComparer.Ordinal).Take(max).ToList();
            return Task.FromResult(new ChangedPersons(persons, changed.Count == 0 ? afterSequence : changed[^1].Sequence));
        }
    }

    private sealed class Cursors : IStateStore
    {
        private readonly Dictionary<string, SourceCursor> _cursors = new(StringComparer.Ordinal);

        public Task<SourceCursor?> GetCursorAsync(string source, CancellationToken cancellationToken) =>
            Task.FromResult(_cursors.TryGetValue(source, out var cursor) ? cursor : null);

        public Task SaveCursorAsync(string source, SourceCursor cursor, CancellationToken cancellationToken)
        {
            _cursors[source] = cursor;
            return Task.CompletedTask;
        }
    }
}
