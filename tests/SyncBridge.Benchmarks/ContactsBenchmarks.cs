using System.Globalization;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;
using SyncBridge.Storage;

namespace SyncBridge.Benchmarks;

/// <summary>
/// Stored contacts (groundwork for issue 7): <see cref="CanonicalContactJson"/> write and read of realistic contacts
/// (names, email, phone, company, 10 activities, a deal, provenance), and the SQLite contact store saving a page of 200
/// changed contacts in one transaction and reading 200 persons' contacts back. Figures are per contact.
/// </summary>
[MemoryDiagnoser]
public class ContactsBenchmarks
{
    private const int Page = 200;
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(9));

    private CanonicalContact[] _contacts = [];
    private byte[][] _json = [];
    private string _directory = string.Empty;
    private ServiceProvider _services = null!;
    private IContactStore _store = null!;
    private string[] _persons = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _contacts = [.. Enumerable.Range(0, Page).Select(Contact)];
        _json = [.. _contacts.Select(CanonicalContactJson.WriteUtf8)];
        _directory = Directory.CreateTempSubdirectory("syncbridge-bench-contacts-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["SyncBridge:State:SqlitePath"] = Path.Combine(_directory, "state.db") })
            .Build();
        _services = new ServiceCollection().AddLogging().AddSqliteStateStore(configuration).BuildServiceProvider();
        _store = _services.GetRequiredService<IContactStore>();
        _persons = [.. Enumerable.Range(0, Page).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture))];
        _store.SaveContactsAsync([.. _contacts.Select((c, i) => new PersonContact(_persons[i], c))], CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Page)]
    public int WriteJson()
    {
        var bytes = 0;
        foreach (var contact in _contacts)
        {
            bytes += CanonicalContactJson.WriteUtf8(contact).Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Page)]
    public int ReadJson()
    {
        var activities = 0;
        foreach (var json in _json)
        {
            activities += CanonicalContactJson.Read(json).Activities.Count;
        }

        return activities;
    }

    /// <summary>A page of 200 records that all changed (one text differs each round): 200 upserts with new sequences.</summary>
    [Benchmark(OperationsPerInvoke = Page)]
    public async Task SavePage()
    {
        var round = (++_round).ToString(CultureInfo.InvariantCulture);
        await _store.SaveContactsAsync([.. _contacts.Select((c, i) => new PersonContact(_persons[i], c with { SalesStatus = round }))], CancellationToken.None);
    }

    [Benchmark(OperationsPerInvoke = Page)]
    public async Task<int> ReadPersons() => (await _store.GetContactsOfPersonsAsync(_persons, CancellationToken.None)).Count;

    private static CanonicalContact Contact(int i)
    {
        var id = i.ToString(CultureInfo.InvariantCulture);
        var email = "taro.sato" + id + "@example.co.jp";
        var source = new SourceRef(SourceSystem.HubSpot, "contact", "10" + id);
        return new CanonicalContact
        {
            Source = source,
            Identities = [source, new SourceRef(SourceSystem.Salesforce, "Lead", "00Q5g0000" + id)],
            FamilyName = "佐藤",
            GivenName = "太郎",
            Email = new EmailAddress(email, email, true, email),
            Phone = new PhoneNumber("03-1234-5678", "+81312345678", string.Empty, true),
            Title = "Marketing Manager",
            Seniority = Seniority.Manager,
            Department = Department.Marketing,
            CountryCode = "JP",
            Company = new Company { Name = "株式会社サンプル", Key = "サンプル", Domain = "example.co.jp", Industry = "Software", EmployeeCount = 250 },
            Activities = [.. Enumerable.Range(0, 10).Select(k => new Activity(k % 3 == 0 ? ActivityType.EmailOpen : ActivityType.PageView, At.AddDays(-k), "/pricing/" + k.ToString(CultureInfo.InvariantCulture)))],
            Deals = [new Deal("006" + id, "Negotiation", DealOutcome.Open) { Amount = 1_200_000m }],
            Consent = new Consent { UnsubscribedFromAll = false, HardBounced = false, State = ConsentState.Granted },
            LifecycleStage = LifecycleStage.Lead,
            SourceModifiedAt = At,
            Provenance = new Dictionary<string, PropertyProvenance>
            {
                [ContactProperties.Email] = new(SourceSystem.HubSpot, At),
                [ContactProperties.Title] = new(SourceSystem.HubSpot, At),
            },
        };
    }
}
