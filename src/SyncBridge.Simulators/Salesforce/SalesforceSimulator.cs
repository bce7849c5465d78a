using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SyncBridge.Simulators.Salesforce;

/// <summary>
/// A stateful Salesforce org on 127.0.0.1 for the demo, tests and benchmarks: OAuth client credentials (and
/// refresh-token / JWT bearer) with sessions that expire on a schedule, SOQL for the shapes SyncBridge sends with
/// nextRecordsUrl paging, the deleted endpoint, sObject Collections with per-record errors, Sforce-Limit-Info and
/// a daily allocation, <c>GET /_sim/stats</c> and the write log at <c>GET /_sim/writes</c>.
/// <code>await using var sim = await SalesforceSimulator.StartAsync(options); // sim.BaseUrl</code>
/// </summary>
public sealed class SalesforceSimulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SalesforceSimulatorStore _store;
    private readonly SalesforceSimulatorEndpoints _endpoints;

    private SalesforceSimulator(WebApplication app, SalesforceSimulatorStore store, SalesforceSimulatorEndpoints endpoints, Uri baseUrl)
    {
        _app = app;
        _store = store;
        _endpoints = endpoints;
        BaseUrl = baseUrl;
    }

    /// <summary>The root of the simulated login host and instance, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseUrl { get; }

    public SalesforceSimulatorOptions Options => _store.Options;

    public SalesforceSimulatorStats Stats => _endpoints.Stats();

    /// <summary>
    /// Every write applied through sObject Collections (update, upsert), per record id, in the order applied, with the
    /// simulator's time and the fields written (custom <c>…__c</c> fields such as the version marker included); also
    /// served as JSON at <c>GET /_sim/writes[?id=…]</c>.
    /// </summary>
    public SimulatorWriteLog WriteLog => _store.WriteLog;

    public static async Task<SalesforceSimulator> StartAsync(SalesforceSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SalesforceSimulatorOptions();
        var store = new SalesforceSimulatorStore(options);
        SalesforceSeeder.Seed(store);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();

        Uri? baseUrl = null;
        var endpoints = new SalesforceEndpointsHolder();
        app.Run(context => endpoints.Instance!.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The Salesforce simulator did not bind an address.");
        baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        var instance = new SalesforceSimulatorEndpoints(store, () => baseUrl);
        endpoints.Instance = instance;
        return new SalesforceSimulator(app, store, instance, baseUrl);
    }

    /// <summary>Ids of the live records of <paramref name="sObject"/> (Lead, Contact, …) in creation order.</summary>
    public IReadOnlyList<string> RecordIds(string sObject) => _store.Ids(sObject);

    /// <summary>A copy of a record's fields (null when unknown).</summary>
    public IReadOnlyDictionary<string, object?>? GetRecord(string id)
    {
        lock (_store.Gate)
        {
            var record = _store.FindLocked(id);
            return record is null ? null : new Dictionary<string, object?>(record.Fields, StringComparer.OrdinalIgnoreCase) { ["Id"] = record.Id };
        }
    }

    /// <summary>Changes fields as a user would; SystemModstamp moves forward.</summary>
    public void UpdateRecord(string id, IReadOnlyDictionary<string, object?> fields) => _store.Update(id, fields);

    /// <summary>Creates a Lead for person <paramref name="personIndex"/> of the seed population; returns its id.</summary>
    public string CreateLead(int personIndex) =>
        _store.Add(SalesforceSchema.Lead, SalesforceSeeder.LeadFields(Seeding.SyntheticPeople.Get(Options.Seed, personIndex)));

    /// <summary>Deletes a record (it appears in the deleted endpoint and in queryAll with IsDeleted).</summary>
    public void DeleteRecord(string id) => _store.Delete(id);

    /// <summary>Merges <paramref name="loserId"/> into <paramref name="masterId"/> (the loser is deleted with MasterRecordId).</summary>
    public void MergeRecords(string masterId, string loserId) => _store.Delete(loserId, masterId);

    /// <summary>Converts a Lead into a new Contact; returns the Contact id.</summary>
    public string ConvertLead(string leadId)
    {
        lock (_store.Gate)
        {
            var lead = _store.FindLocked(leadId) ?? throw new KeyNotFoundException($"no Lead {leadId}");
            var contactId = _store.AddLocked(SalesforceSchema.Contact, new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["FirstName"] = lead.Get("FirstName"),
                ["LastName"] = lead.Get("LastName"),
                ["Email"] = lead.Get("Email"),
                ["Phone"] = lead.Get("Phone"),
                ["MobilePhone"] = lead.Get("MobilePhone"),
                ["Title"] = lead.Get("Title"),
                ["LeadSource"] = lead.Get("LeadSource"),
                ["HasOptedOutOfEmail"] = lead.Get("HasOptedOutOfEmail"),
                ["OwnerId"] = lead.Get("OwnerId"),
            }, null);
            lead.Fields["IsConverted"] = true;
            lead.Fields["ConvertedContactId"] = contactId;
            lead.Fields["Status"] = "Closed - Converted";
            lead.Fields["ConvertedDate"] = _store.Now;
            _store.Touch(lead);
            return contactId;
        }
    }

    /// <summary>Every session issued so far stops working (the next call gets 401 INVALID_SESSION_ID).</summary>
    public void ExpireSessions() => _store.ExpireSessions();

    /// <summary>The next write of <paramref name="id"/> fails with this per-record error.</summary>
    public void FailNextWrite(string id, string statusCode, string message) => _store.FailNextWrite(id, statusCode, message);

    /// <summary>Drops deleted-log entries before <paramref name="before"/>; earliestDateAvailable becomes that instant.</summary>
    public void PurgeDeletedLogBefore(DateTimeOffset before) => _store.PurgeDeletedLogBefore(before);

    /// <summary>Sets the API calls already used in the rolling 24 h window.</summary>
    public void SetApiUsage(long used) => _endpoints.SetApiUsage(used);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class SalesforceEndpointsHolder
    {
        public SalesforceSimulatorEndpoints? Instance { get; set; }
    }
}
