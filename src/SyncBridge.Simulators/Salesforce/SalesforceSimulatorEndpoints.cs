using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SyncBridge.Simulators.Salesforce.Soql;

namespace SyncBridge.Simulators.Salesforce;

/// <summary>The simulated REST surface: token, versions, query / queryAll / nextRecordsUrl, deleted, sObject Collections, limits, stats.</summary>
internal sealed class SalesforceSimulatorEndpoints(SalesforceSimulatorStore store, Func<Uri> baseUrl)
{
    private const int MaxCollectionRecords = 200;
    private long _tokenRequests;
    private long _apiRequests;
    private long _queryRequests;
    private long _collectionRequests;
    private long _deletedRequests;
    private long _unauthorized;
    private long _limitExceeded;
    private long _recordsWritten;
    private long _inFlight;
    private int _maxInFlight;

    /// <summary>API calls counted against the daily allocation.</summary>
    public long ApiUsage => Interlocked.Read(ref _apiRequests);

    public void SetApiUsage(long used) => Interlocked.Exchange(ref _apiRequests, used);

    public SalesforceSimulatorStats Stats() => new()
    {
        TokenRequests = Interlocked.Read(ref _tokenRequests),
        ApiRequests = Interlocked.Read(ref _apiRequests),
        QueryRequests = Interlocked.Read(ref _queryRequests),
        CollectionRequests = Interlocked.Read(ref _collectionRequests),
        DeletedRequests = Interlocked.Read(ref _deletedRequests),
        Unauthorized = Interlocked.Read(ref _unauthorized),
        LimitExceeded = Interlocked.Read(ref _limitExceeded),
        MaxConcurrentRequests = Volatile.Read(ref _maxInFlight),
        ApiUsage = ApiUsage,
        DailyApiLimit = store.Options.DailyApiLimit,
        Leads = store.Count(SalesforceSchema.Lead),
        Contacts = store.Count(SalesforceSchema.Contact),
        DeletedRecords = store.DeletedCount(),
        RecordsWritten = Interlocked.Read(ref _recordsWritten),
    };

    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        if (path == "/_sim/stats" && HttpMethods.IsGet(method))
        {
            await WriteJsonAsync(context, 200, w => JsonSerializer.Serialize(w, Stats())).ConfigureAwait(false);
            return;
        }

        if (path == "/_sim/writes" && HttpMethods.IsGet(method))
        {
            var id = context.Request.Query["id"].ToString();
            await WriteJsonAsync(context, 200, w => store.WriteLog.WriteJson(w, id.Length == 0 ? null : id)).ConfigureAwait(false);
            return;
        }

        if (path == "/services/oauth2/token" && HttpMethods.IsPost(method))
        {
            await TokenAsync(context).ConfigureAwait(false);
            return;
        }

        if (path is "/services/data" or "/services/data/" && HttpMethods.IsGet(method))
        {
            await WriteJsonAsync(context, 200, WriteVersions).ConfigureAwait(false);
            return;
        }

        if (!path.StartsWith("/services/data/v", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist").ConfigureAwait(false);
            return;
        }

        var inFlight = Interlocked.Increment(ref _inFlight);
        try
        {
            UpdateMax((int)inFlight);
            await ApiAsync(context, path, method, inFlight).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task ApiAsync(HttpContext context, string path, string method, long inFlight)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        if (!store.UseSession(token))
        {
            Interlocked.Increment(ref _unauthorized);
            await ErrorAsync(context, 401, "INVALID_SESSION_ID", "Session expired or invalid").ConfigureAwait(false);
            return;
        }

        if (inFlight > store.Options.MaxConcurrentRequests)
        {
            Interlocked.Increment(ref _limitExceeded);
            await ErrorAsync(context, 403, "REQUEST_LIMIT_EXCEEDED", "ConcurrentPerOrgLongTxn Limit exceeded.").ConfigureAwait(false);
            return;
        }

        var limit = store.Options.DailyApiLimit;
        long used;
        while (true)
        {
            used = Interlocked.Read(ref _apiRequests);
            if (used >= limit)
            {
                Interlocked.Increment(ref _limitExceeded);
                context.Response.Headers["Sforce-Limit-Info"] = $"api-usage={used}/{limit}";
                await ErrorAsync(context, 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.").ConfigureAwait(false);
                return;
            }

            if (Interlocked.CompareExchange(ref _apiRequests, used + 1, used) == used)
            {
                used++;
                break;
            }
        }

        context.Response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={used}/{limit}");

        // /services/data/vXX.X/<rest>
        var afterVersion = path.IndexOf('/', "/services/data/v".Length);
        var version = afterVersion < 0 ? path["/services/data/".Length..] : path["/services/data/".Length..afterVersion];
        var rest = afterVersion < 0 ? string.Empty : path[(afterVersion + 1)..].TrimEnd('/');
        var segments = rest.Split('/', StringSplitOptions.RemoveEmptyEntries);

        try
        {
            switch (segments)
            {
                case ["query" or "queryAll"] when HttpMethods.IsGet(method):
                    await QueryAsync(context, version, includeDeleted: segments[0] == "queryAll").ConfigureAwait(false);
                    return;
                case ["query" or "queryAll", var locator] when HttpMethods.IsGet(method):
                    await NextPageAsync(context, version, locator).ConfigureAwait(false);
                    return;
                case ["sobjects", var type, "deleted"] when HttpMethods.IsGet(method):
                    await DeletedAsync(context, type).ConfigureAwait(false);
                    return;
                case ["composite", "sobjects"] when HttpMethods.IsPatch(method):
                    await CollectionsAsync(context, upsertType: null, externalIdField: null).ConfigureAwait(false);
                    return;
                case ["composite", "sobjects", var type, var externalId] when HttpMethods.IsPatch(method):
                    await CollectionsAsync(context, type, externalId).ConfigureAwait(false);
                    return;
                case ["limits"] when HttpMethods.IsGet(method):
                    await WriteJsonAsync(context, 200, w =>
                    {
                        w.WriteStartObject();
                        w.WriteStartObject("DailyApiRequests");
                        w.WriteNumber("Max", limit);
                        w.WriteNumber("Remaining", Math.Max(0, limit - used));
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }).ConfigureAwait(false);
                    return;
                default:
                    await ErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist").ConfigureAwait(false);
                    return;
            }
        }
        catch (SoqlException ex)
        {
            await ErrorAsync(context, 400, ex.ErrorCode, ex.Message).ConfigureAwait(false);
        }
    }

    private async Task TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync().ConfigureAwait(false) : null;
        var grant = form?["grant_type"].ToString();
        var options = store.Options;
        var ok = grant switch
        {
            "client_credentials" => form!["client_id"] == options.ClientId && form["client_secret"] == options.ClientSecret,
            "refresh_token" => form!["client_id"] == options.ClientId && form["refresh_token"] == options.RefreshToken,
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => IsAssertionFor(form!["assertion"].ToString(), options.ClientId),
            _ => false,
        };

        if (!ok)
        {
            await WriteJsonAsync(context, 400, w =>
            {
                w.WriteStartObject();
                w.WriteString("error", grant is null or "" ? "unsupported_grant_type" : "invalid_grant");
                w.WriteString("error_description", "authentication failure");
                w.WriteEndObject();
            }).ConfigureAwait(false);
            return;
        }

        var accessToken = store.IssueSession();
        var instance = baseUrl().ToString().TrimEnd('/');
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteString("access_token", accessToken);
            w.WriteString("instance_url", instance);
            w.WriteString("id", instance + "/id/00DSim000000000001/005Sim000000000001");
            w.WriteString("token_type", "Bearer");
            w.WriteString("issued_at", store.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            w.WriteString("signature", Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static bool IsAssertionFor(string assertion, string clientId)
    {
        var parts = assertion.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            using var claims = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
            return claims.RootElement.TryGetProperty("iss", out var iss) && iss.GetString() == clientId;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    private async Task QueryAsync(HttpContext context, string version, bool includeDeleted)
    {
        Interlocked.Increment(ref _queryRequests);
        var soql = context.Request.Query["q"].ToString();
        if (soql.Length == 0)
        {
            await ErrorAsync(context, 400, "MALFORMED_QUERY", "A query string has to be specified").ConfigureAwait(false);
            return;
        }

        var locator = store.Query(SoqlParser.Parse(soql), includeDeleted);
        await PageAsync(context, version, locator, 0).ConfigureAwait(false);
    }

    private async Task NextPageAsync(HttpContext context, string version, string locatorAndOffset)
    {
        Interlocked.Increment(ref _queryRequests);
        var dash = locatorAndOffset.LastIndexOf('-');
        var locator = dash > 0 ? store.Locator(locatorAndOffset[..dash]) : null;
        if (locator is null || !int.TryParse(locatorAndOffset.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            await ErrorAsync(context, 400, "INVALID_QUERY_LOCATOR", "invalid query locator").ConfigureAwait(false);
            return;
        }

        await PageAsync(context, version, locator, offset).ConfigureAwait(false);
    }

    private async Task PageAsync(HttpContext context, string version, QueryLocator locator, int offset)
    {
        var batch = BatchSize(context.Request.Headers["Sforce-Query-Options"].ToString());
        var end = Math.Min(locator.Rows.Count, offset + batch);
        var done = end >= locator.Rows.Count;
        if (done)
        {
            store.Forget(locator.Id);
        }

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("totalSize", locator.Rows.Count);
            writer.WriteBoolean("done", done);
            if (!done)
            {
                writer.WriteString("nextRecordsUrl", $"/services/data/{version}/query/{locator.Id}-{end.ToString(CultureInfo.InvariantCulture)}");
            }

            writer.WriteStartArray("records");
            lock (store.Gate)
            {
                for (var i = offset; i < end; i++)
                {
                    WriteRecord(writer, version, locator.Rows[i], locator.Query);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        await WriteBufferAsync(context, 200, buffer).ConfigureAwait(false);
    }

    private void WriteRecord(Utf8JsonWriter writer, string version, SimRecord record, SoqlQuery query)
    {
        writer.WriteStartObject();
        WriteAttributes(writer, version, record);
        var relationships = new List<string>();
        foreach (var field in query.Fields)
        {
            var dot = field.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
            {
                writer.WritePropertyName(field);
                SalesforceJsonWriter.WriteValue(writer, record.Get(field));
            }
            else if (!relationships.Contains(field[..dot], StringComparer.OrdinalIgnoreCase))
            {
                relationships.Add(field[..dot]);
            }
        }

        foreach (var relationship in relationships)
        {
            writer.WritePropertyName(relationship);
            var parent = store.FindLocked(record.Get(relationship + "Id") as string);
            if (parent is null)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            WriteAttributes(writer, version, parent);
            foreach (var field in query.Fields.Where(f => f.StartsWith(relationship + ".", StringComparison.OrdinalIgnoreCase)))
            {
                var name = field[(relationship.Length + 1)..];
                writer.WritePropertyName(name);
                SalesforceJsonWriter.WriteValue(writer, parent.Get(name));
            }

            writer.WriteEndObject();
        }

        foreach (var sub in query.Subqueries)
        {
            writer.WritePropertyName(sub.From);
            var relation = SalesforceSchema.ChildRelationships[sub.From];
            var children = store.ChildrenLocked(record.Id, relation.Child);
            if (children.Count == 0)
            {
                writer.WriteNullValue();
                continue;
            }

            writer.WriteStartObject();
            writer.WriteNumber("totalSize", children.Count);
            writer.WriteBoolean("done", true);
            writer.WriteStartArray("records");
            foreach (var child in children)
            {
                WriteRecord(writer, version, child, sub);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter writer, string version, SimRecord record)
    {
        writer.WriteStartObject("attributes");
        writer.WriteString("type", record.Type);
        writer.WriteString("url", $"/services/data/{version}/sobjects/{record.Type}/{record.Id}");
        writer.WriteEndObject();
    }

    private static int BatchSize(string header)
    {
        foreach (var part in header.Split(',', ';'))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && kv[0].Equals("batchSize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                return Math.Clamp(size, 200, 2000);
            }
        }

        return 2000;
    }

    private async Task DeletedAsync(HttpContext context, string type)
    {
        Interlocked.Increment(ref _deletedRequests);
        if (!SalesforceSchema.IsObject(type))
        {
            await ErrorAsync(context, 404, "NOT_FOUND", "The requested resource does not exist").ConfigureAwait(false);
            return;
        }

        if (!TryParseDate(context.Request.Query["start"].ToString(), out var start) || !TryParseDate(context.Request.Query["end"].ToString(), out var end) || end < start)
        {
            await ErrorAsync(context, 400, "INVALID_REPLICATION_DATE", "start and end must be date-times and start must precede end").ConfigureAwait(false);
            return;
        }

        // Salesforce ignores the seconds of start and end; the window is [start, end) and latestDateCovered is its end.
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        end = new DateTimeOffset(end.Year, end.Month, end.Day, end.Hour, end.Minute, 0, TimeSpan.Zero);
        var (records, earliest) = store.Deleted(SalesforceSchema.CanonicalObject(type), start, end);
        var covered = end;
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("deletedRecords");
            foreach (var (id, deletedAt) in records)
            {
                w.WriteStartObject();
                w.WriteString("id", id);
                w.WriteString("deletedDate", SalesforceJsonWriter.FormatDateTime(deletedAt));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("earliestDateAvailable", SalesforceJsonWriter.FormatDateTime(earliest));
            w.WriteString("latestDateCovered", SalesforceJsonWriter.FormatDateTime(covered));
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static bool TryParseDate(string text, out DateTimeOffset value)
    {
        var normalized = text.Trim().Replace(' ', '+');
        if (normalized.Length > 5 && (normalized[^5] == '+' || normalized[^5] == '-') && normalized[^3] != ':')
        {
            normalized = normalized[..^2] + ":" + normalized[^2..];
        }

        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private async Task CollectionsAsync(HttpContext context, string? upsertType, string? externalIdField)
    {
        Interlocked.Increment(ref _collectionRequests);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            await ErrorAsync(context, 400, "JSON_PARSER_ERROR", ex.Message).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("records", out var records) || records.ValueKind != JsonValueKind.Array)
            {
                await ErrorAsync(context, 400, "JSON_PARSER_ERROR", "the body needs a records array").ConfigureAwait(false);
                return;
            }

            if (records.GetArrayLength() > MaxCollectionRecords)
            {
                await ErrorAsync(context, 400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call").ConfigureAwait(false);
                return;
            }

            var allOrNone = root.TryGetProperty("allOrNone", out var flag) && flag.ValueKind == JsonValueKind.True;
            if (upsertType is not null && (!SalesforceSchema.IsObject(upsertType) || !SalesforceSchema.HasField(upsertType, externalIdField!)))
            {
                await ErrorAsync(context, 404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {externalIdField}").ConfigureAwait(false);
                return;
            }

            var results = new List<SaveOutcome>();
            lock (store.Gate)
            {
                var planned = records.EnumerateArray().Select(r => Plan(r, upsertType, externalIdField)).ToList();
                var anyFailed = planned.Any(p => p.Error is not null);
                foreach (var plan in planned)
                {
                    if (plan.Error is not null)
                    {
                        results.Add(new SaveOutcome(plan.Id, plan.Error, false));
                    }
                    else if (allOrNone && anyFailed)
                    {
                        results.Add(new SaveOutcome(plan.Id, ("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not all records were valid and the request was using AllOrNone header", []), false));
                    }
                    else
                    {
                        results.Add(Apply(plan, upsertType is null ? "composite.sobjects.update" : "composite.sobjects.upsert"));
                    }
                }
            }

            Interlocked.Add(ref _recordsWritten, results.Count(r => r.Error is null));
            await WriteJsonAsync(context, 200, w =>
            {
                w.WriteStartArray();
                foreach (var result in results)
                {
                    w.WriteStartObject();
                    if (result.Id is null)
                    {
                        w.WriteNull("id");
                    }
                    else
                    {
                        w.WriteString("id", result.Id);
                    }

                    w.WriteBoolean("success", result.Error is null);
                    w.WriteStartArray("errors");
                    if (result.Error is { } error)
                    {
                        w.WriteStartObject();
                        w.WriteString("statusCode", error.Code);
                        w.WriteString("message", error.Message);
                        w.WriteStartArray("fields");
                        foreach (var field in error.Fields)
                        {
                            w.WriteStringValue(field);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    if (upsertType is not null && result.Error is null)
                    {
                        w.WriteBoolean("created", result.Created);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }).ConfigureAwait(false);
        }
    }

    private WritePlan Plan(JsonElement body, string? upsertType, string? externalIdField)
    {
        string? type = upsertType;
        if (body.TryGetProperty("attributes", out var attributes) && attributes.TryGetProperty("type", out var typeElement))
        {
            type = typeElement.GetString();
        }

        var id = body.TryGetProperty("Id", out var idElement) ? idElement.GetString() : null;
        if (type is null || !SalesforceSchema.IsObject(type))
        {
            return new WritePlan(id, null, null, [], ("INVALID_TYPE", "sObject type is missing or not supported", []));
        }

        type = SalesforceSchema.CanonicalObject(type);
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in body.EnumerateObject())
        {
            if (property.NameEquals("attributes") || property.NameEquals("Id"))
            {
                continue;
            }

            if (!SalesforceSchema.IsWritable(type, property.Name))
            {
                return new WritePlan(id, type, null, [], SalesforceSchema.HasField(type, property.Name)
                    ? ("INVALID_FIELD_FOR_INSERT_UPDATE", $"Unable to create/update fields: {property.Name}.", [property.Name])
                    : ("INVALID_FIELD", $"No such column '{property.Name}' on sobject of type {type}", [property.Name]));
            }

            fields[property.Name] = SalesforceJsonWriter.ReadValue(property.Value);
        }

        SimRecord? target;
        if (upsertType is not null)
        {
            if (!fields.TryGetValue(externalIdField!, out var key) || key is null)
            {
                return new WritePlan(id, type, null, fields, ("MISSING_ARGUMENT", $"{externalIdField} not specified", [externalIdField!]));
            }

            target = store.Ids(type).Select(store.FindLocked).FirstOrDefault(r => r is not null && Equals(r.Get(externalIdField!), key));
            return new WritePlan(target?.Id, type, target, fields, null);
        }

        if (id is null)
        {
            return new WritePlan(null, type, null, fields, ("MISSING_ARGUMENT", "Id not specified in an update call", ["Id"]));
        }

        target = store.FindLocked(id);
        if (target is null || !string.Equals(target.Type, type, StringComparison.Ordinal))
        {
            return new WritePlan(id, type, null, fields, ("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", []));
        }

        if (target.IsDeleted)
        {
            return new WritePlan(id, type, null, fields, ("ENTITY_IS_DELETED", "entity is deleted", []));
        }

        if (store.TakeInjectedFailure(id, out var failure))
        {
            return new WritePlan(id, type, target, fields, (failure.Code, failure.Message, []));
        }

        return new WritePlan(id, type, target, fields, null);
    }

    /// <summary>Applies a planned write and logs it; the caller holds the store's lock.</summary>
    private SaveOutcome Apply(WritePlan plan, string endpoint)
    {
        if (plan.Target is null)
        {
            var id = store.AddLocked(plan.Type!, plan.Fields, null);
            store.WriteLog.Append(id, endpoint, LoggedValues(plan.Fields));
            return new SaveOutcome(id, null, true);
        }

        foreach (var (name, value) in plan.Fields)
        {
            plan.Target.Fields[name] = value;
        }

        store.Touch(plan.Target);
        store.WriteLog.Append(plan.Target.Id, endpoint, LoggedValues(plan.Fields));
        return new SaveOutcome(plan.Target.Id, null, false);
    }

    /// <summary>Field values as the write log keeps them: invariant text, null for a cleared field.</summary>
    private static Dictionary<string, string?> LoggedValues(Dictionary<string, object?> fields)
    {
        var values = new Dictionary<string, string?>(fields.Count, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            values[name] = value switch
            {
                null => null,
                bool flag => flag ? "true" : "false",
                DateTimeOffset time => SalesforceJsonWriter.FormatDateTime(time),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        return values;
    }

    private static void WriteVersions(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var (version, label) in new[] { ("65.0", "Winter '26"), ("66.0", "Spring '26"), ("67.0", "Summer '26"), ("68.0", "Winter '27") })
        {
            writer.WriteStartObject();
            writer.WriteString("label", label);
            writer.WriteString("url", "/services/data/v" + version);
            writer.WriteString("version", version);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void UpdateMax(int inFlight)
    {
        var current = Volatile.Read(ref _maxInFlight);
        while (inFlight > current)
        {
            var seen = Interlocked.CompareExchange(ref _maxInFlight, inFlight, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private static Task ErrorAsync(HttpContext context, int status, string errorCode, string message) =>
        WriteJsonAsync(context, status, w =>
        {
            w.WriteStartArray();
            w.WriteStartObject();
            w.WriteString("message", message);
            w.WriteString("errorCode", errorCode);
            w.WriteEndObject();
            w.WriteEndArray();
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        await WriteBufferAsync(context, status, buffer).ConfigureAwait(false);
    }

    private static async Task WriteBufferAsync(HttpContext context, int status, ArrayBufferWriter<byte> buffer)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record WritePlan(string? Id, string? Type, SimRecord? Target, Dictionary<string, object?> Fields, (string Code, string Message, string[] Fields)? Error);

    private sealed record SaveOutcome(string? Id, (string Code, string Message, string[] Fields)? Error, bool Created);
}
