using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SyncBridge.Simulators.HubSpot;

/// <summary>
/// A stateful HubSpot API on 127.0.0.1 (Kestrel): contacts list / search / batch read, update, upsert, create
/// (both API generations), properties, form submissions, email subscription status, an OAuth token endpoint,
/// HubSpot's limits (batch 100, search page 200, 10,000-result cap, 10-second / secondly / daily rate limits with
/// real 429 bodies and headers), lifecycle stage that refuses to move backward, read-only hs_marketable_*.
/// <c>GET /_sim/stats</c> reports requests by endpoint, 429s served and contacts; <c>GET /_sim/writes</c> the write log.
/// <code>await using var sim = await HubSpotSimulator.StartAsync(new() { Contacts = 1000 });</code>
/// </summary>
public sealed class HubSpotSimulator : IAsyncDisposable
{
    private const string EndpointItem = "hubspot-sim-endpoint";

    private readonly WebApplication _app;
    private readonly HubSpotSimulatorOptions _options;
    private readonly HubSpotSimStore _store;
    private readonly HubSpotSimRateLimits _limits;
    private readonly ConcurrentDictionary<string, long> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _rateLimited = new(StringComparer.Ordinal);
    private int _tokenCounter;

    private HubSpotSimulator(WebApplication app, HubSpotSimulatorOptions options, HubSpotSimStore store)
    {
        _app = app;
        _options = options;
        _store = store;
        _limits = new HubSpotSimRateLimits(options);
    }

    /// <summary>http://127.0.0.1:{port} of the running simulator.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1");

    public HubSpotSimulatorOptions Options => _options;

    public static async Task<HubSpotSimulator> StartAsync(HubSpotSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new HubSpotSimulatorOptions();
        var store = new HubSpotSimStore(options.TimeProvider);
        store.Seed(options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var simulator = new HubSpotSimulator(app, options, store);
        simulator.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        simulator.BaseUrl = new Uri(address);
        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    public HubSpotSimulatorStats GetStats()
    {
        int contacts, archived;
        lock (_store.Gate)
        {
            archived = _store.Contacts.Count(contact => contact.Archived);
            contacts = _store.Contacts.Count - archived;
        }

        return new HubSpotSimulatorStats(
            new SortedDictionary<string, long>(_requests, StringComparer.Ordinal),
            new SortedDictionary<string, long>(_rateLimited, StringComparer.Ordinal),
            contacts,
            archived);
    }

    public void ResetStats()
    {
        _requests.Clear();
        _rateLimited.Clear();
        lock (_store.Gate)
        {
            _store.ClearWrites();
        }
    }

    /// <summary>Ids of the contacts that are not archived, ascending.</summary>
    public IReadOnlyList<long> ContactIds()
    {
        lock (_store.Gate)
        {
            return _store.Contacts.Where(contact => !contact.Archived).Select(contact => contact.Id).ToList();
        }
    }

    /// <summary>A copy of a contact's properties (with hs_object_id and lastmodifieddate), or null when unknown.</summary>
    public IReadOnlyDictionary<string, string>? GetContact(long id)
    {
        lock (_store.Gate)
        {
            if (_store.Find(id) is not { } contact)
            {
                return null;
            }

            return new Dictionary<string, string>(contact.Properties, StringComparer.Ordinal)
            {
                ["hs_object_id"] = contact.Id.ToString(CultureInfo.InvariantCulture),
                ["lastmodifieddate"] = HubSpotSimJson.Iso(contact.ModifiedMs),
            };
        }
    }

    /// <summary>
    /// Every write applied (batch update, upsert, create), per contact id, in the order applied, with the simulator's
    /// time and the properties written; also served as JSON at <c>GET /_sim/writes[?id=…]</c>. Not cleared by
    /// <see cref="ResetStats"/> (call <see cref="SimulatorWriteLog.Clear"/>).
    /// </summary>
    public SimulatorWriteLog WriteLog => _store.WriteLog;

    /// <summary>Every contact written through batch update / upsert since the last <see cref="ResetStats"/>.</summary>
    public IReadOnlyList<HubSpotSimulatorWrite> Writes()
    {
        lock (_store.Gate)
        {
            return _store.Writes();
        }
    }

    /// <summary>Creates a contact as a HubSpot user would; returns its id.</summary>
    public long CreateContact(IReadOnlyDictionary<string, string> properties, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        lock (_store.Gate)
        {
            var ms = at?.ToUnixTimeMilliseconds() ?? _store.NowMs();
            return _store.Add(properties, ms, ms).Id;
        }
    }

    /// <summary>
    /// Records a submission of the simulator's form (<see cref="HubSpotSimulatorOptions.FormGuid"/>) as a visitor
    /// would make it; returns its conversion id. Does not touch contacts.
    /// </summary>
    public string SubmitForm(string email, string firstName, string lastName, string company, string pageUrl, DateTimeOffset? at = null)
    {
        lock (_store.Gate)
        {
            var id = _store.NextConversionId();
            _store.AddSubmission(new HubSpotSimFormSubmission(id, at?.ToUnixTimeMilliseconds() ?? _store.NowMs(), pageUrl ?? string.Empty, email ?? string.Empty, firstName ?? string.Empty, lastName ?? string.Empty, company ?? string.Empty));
            return id;
        }
    }

    /// <summary>Edits a contact as a HubSpot user (or HubSpot itself) would: no validation, lastmodifieddate moves.</summary>
    public void EditContact(long id, IReadOnlyDictionary<string, string> properties, DateTimeOffset? at = null)
    {
        ArgumentNullException.ThrowIfNull(properties);
        lock (_store.Gate)
        {
            var contact = _store.Find(id) ?? throw new KeyNotFoundException($"No contact {id}.");
            foreach (var (name, value) in properties)
            {
                contact.Properties[name] = value;
            }

            contact.ModifiedMs = at?.ToUnixTimeMilliseconds() ?? Math.Max(_store.NowMs(), contact.ModifiedMs);
        }
    }

    /// <summary>Sets lastmodifieddate of many contacts to one instant (what HubSpot's bulk jobs do).</summary>
    public void Touch(IEnumerable<long> ids, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_store.Gate)
        {
            foreach (var id in ids)
            {
                if (_store.Find(id) is { } contact)
                {
                    contact.ModifiedMs = at.ToUnixTimeMilliseconds();
                }
            }
        }
    }

    /// <summary>Archives (deletes) a contact; lastmodifieddate does not change, archivedAt is set.</summary>
    public void Archive(long id)
    {
        lock (_store.Gate)
        {
            var contact = _store.Find(id) ?? throw new KeyNotFoundException($"No contact {id}.");
            contact.Archived = true;
            contact.ArchivedMs = _store.NowMs();
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint()?.DisplayName ?? "unmatched";
            if (endpoint.StartsWith("sim.", StringComparison.Ordinal))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            _requests.AddOrUpdate(endpoint, 1, (_, count) => count + 1);
            if (!endpoint.StartsWith("oauth.", StringComparison.Ordinal) && !Authorized(context))
            {
                await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "INVALID_AUTHENTICATION", "Authentication credentials not found or invalid.").ConfigureAwait(false);
                return;
            }

            var search = endpoint.EndsWith(".search", StringComparison.Ordinal);
            var admission = _limits.Admit(search, _store.NowMs());
            if (!search)
            {
                var headers = context.Response.Headers;
                headers["X-HubSpot-RateLimit-Daily"] = _options.DailyLimit.ToString(CultureInfo.InvariantCulture);
                headers["X-HubSpot-RateLimit-Daily-Remaining"] = admission.DailyRemaining.ToString(CultureInfo.InvariantCulture);
                headers["X-HubSpot-RateLimit-Interval-Milliseconds"] = "10000";
                if (_options.RequestsPer10Seconds is { } max)
                {
                    headers["X-HubSpot-RateLimit-Max"] = max.ToString(CultureInfo.InvariantCulture);
                    headers["X-HubSpot-RateLimit-Remaining"] = admission.TenSecondRemaining.ToString(CultureInfo.InvariantCulture);
                }
            }

            if (admission.Policy is { } policy)
            {
                _rateLimited.AddOrUpdate(policy, 1, (_, count) => count + 1);
                var message = policy switch
                {
                    "DAILY" => "You have reached your daily limit.",
                    "SECONDLY" => "You have reached your secondly limit.",
                    _ => "You have reached your ten_secondly_rolling limit.",
                };
                await WriteJsonAsync(context, StatusCodes.Status429TooManyRequests, writer => HubSpotSimJson.WriteError(writer, "RATE_LIMITS", message, policy)).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        foreach (var prefix in new[] { "/crm/v3/objects/contacts", "/crm/objects/{version}/contacts" })
        {
            app.MapGet(prefix, ListContacts).WithDisplayName("contacts.list");
            app.MapPost(prefix + "/search", SearchContacts).WithDisplayName("contacts.search");
            app.MapPost(prefix + "/batch/read", BatchRead).WithDisplayName("contacts.batch.read");
            app.MapPost(prefix + "/batch/update", context => BatchWrite(context, upsert: false)).WithDisplayName("contacts.batch.update");
            app.MapPost(prefix + "/batch/upsert", context => BatchWrite(context, upsert: true)).WithDisplayName("contacts.batch.upsert");
            app.MapPost(prefix + "/batch/create", BatchCreate).WithDisplayName("contacts.batch.create");
        }

        foreach (var prefix in new[] { "/crm/v3/properties/contacts", "/crm/properties/{version}/contacts" })
        {
            app.MapGet(prefix, ListProperties).WithDisplayName("properties.list");
            app.MapGet(prefix + "/{name}", GetProperty).WithDisplayName("properties.get");
            app.MapPost(prefix, CreateProperty).WithDisplayName("properties.create");
            app.MapPost(prefix + "/groups", CreateGroup).WithDisplayName("properties.groups.create");
        }

        app.MapGet("/form-integrations/v1/submissions/forms/{formGuid}", FormSubmissions).WithDisplayName("forms.submissions");
        app.MapGet("/marketing/v3/forms", ListForms).WithDisplayName("forms.list");
        app.MapGet("/communication-preferences/v3/status/email/{email}", EmailStatus).WithDisplayName("communication-preferences.status");
        app.MapPost("/oauth/v1/token", Token).WithDisplayName("oauth.token");
        app.MapGet("/_sim/stats", Stats).WithDisplayName("sim.stats");
        app.MapGet("/_sim/writes", WriteLogJson).WithDisplayName("sim.writes");
    }

    private bool Authorized(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || header.Length <= 7)
        {
            return false;
        }

        return _options.RequiredToken is null || string.Equals(header[7..], _options.RequiredToken, StringComparison.Ordinal);
    }

    private Task ListContacts(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsedLimit) ? parsedLimit : 10;
        if (limit < 1 || limit > _options.ListPageLimit)
        {
            return WriteErrorAsync(context, 400, "VALIDATION_ERROR", $"limit must be between 1 and {_options.ListPageLimit}");
        }

        var after = long.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var afterId) ? afterId : 0;
        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        var properties = PropertiesOf(query["properties"]);
        return WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            long? next = null;
            lock (_store.Gate)
            {
                var count = 0;
                long lastWritten = 0;
                var contacts = _store.Contacts;
                for (var i = _store.IndexAfter(after); i < contacts.Count; i++)
                {
                    var contact = contacts[i];
                    if (contact.Archived != archived)
                    {
                        continue;
                    }

                    if (count == limit)
                    {
                        next = lastWritten;
                        break;
                    }

                    HubSpotSimJson.WriteContact(writer, contact, properties);
                    lastWritten = contact.Id;
                    count++;
                }
            }

            writer.WriteEndArray();
            WritePaging(writer, next?.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
    }

    private async Task SearchContacts(HttpContext context)
    {
        using var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Invalid input JSON").ConfigureAwait(false);
            return;
        }

        var search = HubSpotSimSearch.Parse(body.RootElement);
        if (search.Limit < 1 || search.Limit > _options.SearchPageLimit)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", $"limit must be between 1 and {_options.SearchPageLimit}").ConfigureAwait(false);
            return;
        }

        if (search.GroupCount > 6 || search.FilterCount > 18)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Too many filters: at most 6 filterGroups and 18 filters.").ConfigureAwait(false);
            return;
        }

        if (search.Offset >= _options.SearchResultCap)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", $"Search results are capped at {_options.SearchResultCap}: paging past them is not possible.").ConfigureAwait(false);
            return;
        }

        var properties = search.Properties.Count > 0 ? search.Properties : [.. HubSpotSimJson.DefaultProperties];
        await WriteJsonAsync(context, 200, writer =>
        {
            List<HubSpotSimContact> matches;
            lock (_store.Gate)
            {
                var indexedUntil = _store.NowMs() - (long)_options.SearchLag.TotalMilliseconds;
                matches = _store.Contacts.Where(contact => !contact.Archived && contact.ModifiedMs <= indexedUntil && search.Matches(contact)).ToList();
                matches.Sort(search.Compare);
                writer.WriteStartObject();
                writer.WriteNumber("total", matches.Count);
                writer.WriteStartArray("results");
                var end = Math.Min(Math.Min(matches.Count, search.Offset + search.Limit), _options.SearchResultCap);
                for (var i = search.Offset; i < end; i++)
                {
                    HubSpotSimJson.WriteContact(writer, matches[i], properties);
                }

                writer.WriteEndArray();
                WritePaging(writer, search.Offset + search.Limit < matches.Count ? (search.Offset + search.Limit).ToString(CultureInfo.InvariantCulture) : null);
                writer.WriteEndObject();
            }
        }).ConfigureAwait(false);
    }

    private async Task BatchRead(HttpContext context)
    {
        using var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null || !body.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required").ConfigureAwait(false);
            return;
        }

        if (inputs.GetArrayLength() > _options.BatchLimit)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", $"Batch input exceeds the limit of {_options.BatchLimit}").ConfigureAwait(false);
            return;
        }

        var byEmail = body.RootElement.TryGetProperty("idProperty", out var idProperty) && string.Equals(idProperty.GetString(), "email", StringComparison.Ordinal);
        var properties = body.RootElement.TryGetProperty("properties", out var requested) && requested.ValueKind == JsonValueKind.Array && requested.GetArrayLength() > 0
            ? requested.EnumerateArray().Select(property => property.GetString() ?? string.Empty).ToList()
            : [.. HubSpotSimJson.DefaultProperties];
        var found = new List<HubSpotSimContact>();
        var missing = new List<string>();
        lock (_store.Gate)
        {
            foreach (var input in inputs.EnumerateArray())
            {
                var id = input.TryGetProperty("id", out var idElement) ? idElement.ToString() : string.Empty;
                var contact = byEmail ? _store.FindByEmail(id) : long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? _store.Find(numeric) : null;
                if (contact is { Archived: false })
                {
                    found.Add(contact);
                }
                else
                {
                    missing.Add(id);
                }
            }

            // Written under the lock so the snapshot is consistent.
            var status = missing.Count == 0 ? 200 : 207;
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("status", "COMPLETE");
                writer.WriteStartArray("results");
                foreach (var contact in found)
                {
                    HubSpotSimJson.WriteContact(writer, contact, properties);
                }

                writer.WriteEndArray();
                WriteErrors(writer, missing.Select(id => ("OBJECT_NOT_FOUND", "Could not get some CONTACT objects, they may be deleted or not exist.", id)).ToList());
                writer.WriteEndObject();
            }

            context.Items[EndpointItem] = buffer;
            context.Response.StatusCode = status;
        }

        await FlushBufferAsync(context).ConfigureAwait(false);
    }

    private async Task BatchWrite(HttpContext context, bool upsert)
    {
        using var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null || !body.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Invalid input JSON: inputs is required").ConfigureAwait(false);
            return;
        }

        if (inputs.GetArrayLength() > _options.BatchLimit)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", $"Batch input exceeds the limit of {_options.BatchLimit}").ConfigureAwait(false);
            return;
        }

        var parsed = new List<(string Id, string? IdProperty, Dictionary<string, string> Properties)>();
        foreach (var input in inputs.EnumerateArray())
        {
            var id = input.TryGetProperty("id", out var idElement) ? idElement.ToString() : string.Empty;
            var idProperty = input.TryGetProperty("idProperty", out var idPropertyElement) ? idPropertyElement.GetString() : null;
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (input.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() ?? string.Empty : property.Value.GetRawText();
                }
            }

            parsed.Add((id, idProperty, values));
        }

        if (parsed.GroupBy(input => input.Id, StringComparer.Ordinal).Any(group => group.Count() > 1))
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Duplicate IDs found in batch input").ConfigureAwait(false);
            return;
        }

        var endpoint = upsert ? "contacts.batch.upsert" : "contacts.batch.update";
        var results = new List<(HubSpotSimContact Contact, bool Created)>();
        var errors = new List<(string Category, string Message, string Id)>();
        var buffer = new ArrayBufferWriter<byte>();
        lock (_store.Gate)
        {
            foreach (var (id, idProperty, values) in parsed)
            {
                var byEmail = upsert || string.Equals(idProperty, "email", StringComparison.Ordinal);
                var contact = byEmail ? _store.FindByEmail(id) : long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? _store.Find(numeric) : null;
                var created = false;
                if (contact is null or { Archived: true })
                {
                    if (!upsert)
                    {
                        errors.Add(("OBJECT_NOT_FOUND", $"Object not found. objectId are usually numeric. ({id})", id));
                        continue;
                    }

                    var now = _store.NowMs();
                    contact = _store.Add(new Dictionary<string, string>(StringComparer.Ordinal) { ["email"] = id, ["hs_marketable_status"] = "false" }, now, now);
                    created = true;
                }

                if (_store.Apply(contact, values, endpoint) is { } error)
                {
                    errors.Add(("VALIDATION_ERROR", error, id));
                    continue;
                }

                results.Add((contact, created));
            }

            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            writer.WriteString("status", "COMPLETE");
            writer.WriteStartArray("results");
            foreach (var (contact, created) in results)
            {
                var names = contact.Properties.Keys.Concat(["hs_object_id", "lastmodifieddate", "createdate"]).ToList();
                HubSpotSimJson.WriteContact(writer, contact, names, upsert ? created : null);
            }

            writer.WriteEndArray();

            WriteErrors(writer, errors);
            writer.WriteEndObject();
        }

        context.Items[EndpointItem] = buffer;
        context.Response.StatusCode = errors.Count == 0 ? 200 : 207;
        await FlushBufferAsync(context).ConfigureAwait(false);
    }

    private async Task BatchCreate(HttpContext context)
    {
        using var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (body is null || !body.RootElement.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Array || inputs.GetArrayLength() > _options.BatchLimit)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Invalid input JSON: inputs (at most the batch limit) is required").ConfigureAwait(false);
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        lock (_store.Gate)
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            writer.WriteString("status", "COMPLETE");
            writer.WriteStartArray("results");
            foreach (var input in inputs.EnumerateArray())
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                if (input.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        values[property.Name] = property.Value.ToString();
                    }
                }

                var now = _store.NowMs();
                values.TryAdd("hs_marketable_status", "false");
                var contact = _store.Add(values, now, now);
                _store.LogWrite(contact, values, "contacts.batch.create");
                HubSpotSimJson.WriteContact(writer, contact, [.. contact.Properties.Keys, "hs_object_id", "lastmodifieddate", "createdate"]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        context.Items[EndpointItem] = buffer;
        context.Response.StatusCode = 201;
        await FlushBufferAsync(context).ConfigureAwait(false);
    }

    private Task ListProperties(HttpContext context) => WriteJsonAsync(context, 200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        lock (_store.Gate)
        {
            foreach (var property in _store.Properties.Values)
            {
                WriteProperty(writer, property);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private Task GetProperty(HttpContext context)
    {
        var name = context.Request.RouteValues["name"]?.ToString() ?? string.Empty;
        HubSpotSimProperty? property;
        lock (_store.Gate)
        {
            property = _store.Properties.GetValueOrDefault(name);
        }

        return property is null
            ? WriteErrorAsync(context, 404, "OBJECT_NOT_FOUND", $"Unable to find property {name}")
            : WriteJsonAsync(context, 200, writer => WriteProperty(writer, property));
    }

    private async Task CreateProperty(HttpContext context)
    {
        using var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var root = body?.RootElement;
        string? Field(string name) => root is { } element && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var propertyName = Field("name");
        var group = Field("groupName");
        if (propertyName is null || Field("type") is null || Field("fieldType") is null || group is null || Field("label") is null)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "name, label, type, fieldType and groupName are required").ConfigureAwait(false);
            return;
        }

        HubSpotSimProperty created;
        lock (_store.Gate)
        {
            if (_store.Properties.ContainsKey(propertyName))
            {
                created = null!;
            }
            else if (!_store.Groups.Contains(group))
            {
                created = null!;
                group = null;
            }
            else
            {
                var options = root is { } element && element.TryGetProperty("options", out var optionArray) && optionArray.ValueKind == JsonValueKind.Array
                    ? optionArray.EnumerateArray().Select(option => (option.GetProperty("label").GetString() ?? string.Empty, option.GetProperty("value").GetString() ?? string.Empty)).ToList()
                    : [];
                created = new HubSpotSimProperty(propertyName, Field("label")!, Field("type")!, Field("fieldType")!, group) { Options = options, Description = Field("description") ?? string.Empty };
                _store.Properties[propertyName] = created;
            }
        }

        if (group is null)
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "Property group does not exist").ConfigureAwait(false);
        }
        else if (created is null)
        {
            await WriteErrorAsync(context, 409, "OBJECT_ALREADY_EXISTS", $"A property named '{propertyName}' already exists.").ConfigureAwait(false);
        }
        else
        {
            await WriteJsonAsync(context, 201, writer => WriteProperty(writer, created)).ConfigureAwait(false);
        }
    }

    private async Task CreateGroup(HttpContext context)
    {
        using var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var name = body is not null && body.RootElement.TryGetProperty("name", out var value) ? value.GetString() : null;
        if (string.IsNullOrEmpty(name))
        {
            await WriteErrorAsync(context, 400, "VALIDATION_ERROR", "name is required").ConfigureAwait(false);
            return;
        }

        bool added;
        lock (_store.Gate)
        {
            added = _store.Groups.Add(name);
        }

        if (!added)
        {
            await WriteErrorAsync(context, 409, "OBJECT_ALREADY_EXISTS", $"A property group named '{name}' already exists.").ConfigureAwait(false);
            return;
        }

        await WriteJsonAsync(context, 201, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("label", name);
            writer.WriteNumber("displayOrder", -1);
            writer.WriteBoolean("archived", false);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task FormSubmissions(HttpContext context)
    {
        var formGuid = context.Request.RouteValues["formGuid"]?.ToString();
        if (!string.Equals(formGuid, _options.FormGuid, StringComparison.OrdinalIgnoreCase))
        {
            return WriteErrorAsync(context, 404, "OBJECT_NOT_FOUND", "Form not found");
        }

        var limit = int.TryParse(context.Request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 20;
        if (limit is < 1 or > 50)
        {
            return WriteErrorAsync(context, 400, "VALIDATION_ERROR", "limit must be between 1 and 50");
        }

        var offset = int.TryParse(context.Request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        return WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("results");
            int total;
            lock (_store.Gate)
            {
                total = _store.Submissions.Count;
                foreach (var submission in _store.Submissions.Skip(offset).Take(limit))
                {
                    writer.WriteStartObject();
                    writer.WriteString("conversionId", submission.ConversionId);
                    writer.WriteNumber("submittedAt", submission.SubmittedAtMs);
                    writer.WriteString("pageUrl", submission.PageUrl);
                    writer.WriteStartArray("values");
                    foreach (var (name, value) in new[] { ("email", submission.Email), ("firstname", submission.FirstName), ("lastname", submission.LastName), ("company", submission.Company) })
                    {
                        writer.WriteStartObject();
                        writer.WriteString("name", name);
                        writer.WriteString("value", value);
                        writer.WriteString("objectTypeId", "0-1");
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            WritePaging(writer, offset + limit < total ? (offset + limit).ToString(CultureInfo.InvariantCulture) : null);
            writer.WriteEndObject();
        });
    }

    /// <summary>The Forms API's list: the simulator's one form, on one page.</summary>
    private Task ListForms(HttpContext context) => WriteJsonAsync(context, 200, writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("results");
        writer.WriteStartObject();
        writer.WriteString("id", _options.FormGuid);
        writer.WriteString("name", "Contact us");
        writer.WriteString("formType", "hubspot");
        writer.WriteBoolean("archived", false);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private Task EmailStatus(HttpContext context)
    {
        var email = Uri.UnescapeDataString(context.Request.RouteValues["email"]?.ToString() ?? string.Empty);
        string? optOut;
        string? legalBasis;
        lock (_store.Gate)
        {
            var contact = _store.FindByEmail(email);
            optOut = contact?.Properties.GetValueOrDefault("hs_email_optout");
            legalBasis = contact?.Properties.GetValueOrDefault("hs_legal_basis");
            if (contact is null)
            {
                optOut = null;
            }
        }

        return WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("recipient", email);
            writer.WriteStartArray("subscriptionStatuses");
            writer.WriteStartObject();
            writer.WriteString("id", "1");
            writer.WriteString("name", "Marketing Information");
            writer.WriteString("description", "Marketing offers and updates.");
            writer.WriteString("status", string.Equals(optOut, "true", StringComparison.Ordinal) ? "NOT_SUBSCRIBED" : "SUBSCRIBED");
            writer.WriteString("sourceOfStatus", optOut is null ? "PORTAL_WIDE_STATUS" : "SUBSCRIPTION_STATUS");
            if (legalBasis is not null)
            {
                writer.WriteString("legalBasis", "LEGITIMATE_INTEREST_PQL");
                writer.WriteString("legalBasisExplanation", legalBasis);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private async Task Token(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (!string.Equals(form["grant_type"], "refresh_token", StringComparison.Ordinal) || string.IsNullOrEmpty(form["refresh_token"]))
        {
            await WriteErrorAsync(context, 400, "BAD_REFRESH_TOKEN", "missing or unknown refresh token").ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _tokenCounter);
        var accessToken = _options.RequiredToken ?? "sim-access-" + number.ToString(CultureInfo.InvariantCulture);
        await WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("token_type", "bearer");
            writer.WriteString("access_token", accessToken);
            writer.WriteString("refresh_token", "sim-refresh-" + number.ToString(CultureInfo.InvariantCulture));
            writer.WriteNumber("expires_in", 1800);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task WriteLogJson(HttpContext context)
    {
        var id = context.Request.Query["id"].ToString();
        return WriteJsonAsync(context, 200, writer => _store.WriteLog.WriteJson(writer, id.Length == 0 ? null : id));
    }

    private Task Stats(HttpContext context)
    {
        var stats = GetStats();
        return WriteJsonAsync(context, 200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("requests");
            foreach (var (endpoint, count) in stats.RequestsByEndpoint)
            {
                writer.WriteNumber(endpoint, count);
            }

            writer.WriteEndObject();
            writer.WriteNumber("totalRequests", stats.TotalRequests);
            writer.WriteStartObject("rateLimited");
            foreach (var (policy, count) in stats.RateLimitedByPolicy)
            {
                writer.WriteNumber(policy, count);
            }

            writer.WriteEndObject();
            writer.WriteNumber("totalRateLimited", stats.TotalRateLimited);
            writer.WriteNumber("contacts", stats.Contacts);
            writer.WriteNumber("archivedContacts", stats.ArchivedContacts);
            writer.WriteEndObject();
        });
    }

    private static void WriteProperty(Utf8JsonWriter writer, HubSpotSimProperty property)
    {
        writer.WriteStartObject();
        writer.WriteString("name", property.Name);
        writer.WriteString("label", property.Label);
        writer.WriteString("type", property.Type);
        writer.WriteString("fieldType", property.FieldType);
        writer.WriteString("groupName", property.GroupName);
        writer.WriteString("description", property.Description);
        writer.WriteStartArray("options");
        var order = 0;
        foreach (var (label, value) in property.Options)
        {
            writer.WriteStartObject();
            writer.WriteString("label", label);
            writer.WriteString("value", value);
            writer.WriteNumber("displayOrder", order++);
            writer.WriteBoolean("hidden", false);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("modificationMetadata");
        writer.WriteBoolean("readOnlyValue", property.ReadOnlyValue);
        writer.WriteBoolean("readOnlyDefinition", property.ReadOnlyValue);
        writer.WriteBoolean("archivable", !property.ReadOnlyValue);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<(string Category, string Message, string Id)> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        writer.WriteNumber("numErrors", errors.Count);
        writer.WriteStartArray("errors");
        foreach (var (category, message, id) in errors)
        {
            writer.WriteStartObject();
            writer.WriteString("status", "error");
            writer.WriteString("category", category);
            writer.WriteString("message", message);
            writer.WriteStartObject("context");
            writer.WriteStartArray("ids");
            writer.WriteStringValue(id);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WritePaging(Utf8JsonWriter writer, string? after)
    {
        if (after is null)
        {
            return;
        }

        writer.WriteStartObject("paging");
        writer.WriteStartObject("next");
        writer.WriteString("after", after);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static IReadOnlyList<string> PropertiesOf(Microsoft.Extensions.Primitives.StringValues values)
    {
        var names = values.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        return names.Count > 0 ? names : HubSpotSimJson.DefaultProperties;
    }

    private static async Task<JsonDocument?> ReadBodyAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string category, string message) =>
        WriteJsonAsync(context, status, writer => HubSpotSimJson.WriteError(writer, category, message));

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Items[EndpointItem] = buffer;
        context.Response.StatusCode = status;
        await FlushBufferAsync(context).ConfigureAwait(false);
    }

    private static async Task FlushBufferAsync(HttpContext context)
    {
        var buffer = (ArrayBufferWriter<byte>)context.Items[EndpointItem]!;
        context.Response.ContentType = "application/json;charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
