using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Diagnostics;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Connectors.Salesforce.Polling;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Writing;

/// <summary>
/// Writes changed fields to Leads and Contacts with sObject Collections (<c>PATCH /composite/sobjects</c>, 200
/// records per call, allOrNone=false). Each record's own failure becomes that update's result (Transient or
/// Rejected); an error of the call as a whole (<c>errorCode</c>) throws <see cref="SalesforceApiException"/>.
/// Several updates of one record are merged into one write (lowest version first, so later values win); the record
/// also gets the highest merged version in the version field (<c>WriteBack:VersionField</c>) in the same request,
/// which <see cref="ReadVersionsAsync"/> reads back with SOQL.
/// </summary>
internal sealed class SalesforceContactSink(
    ISalesforceApi api,
    IOptions<SalesforceOptions> options,
    ILogger<SalesforceContactSink> logger) : IContactSink
{
    public const int MaxRecordsPerCall = 200;

    /// <summary>Ids per version query: 200 quoted ids keep the query URL near 6 KB, well under Salesforce's 16 KB.</summary>
    public const int MaxIdsPerVersionQuery = 200;

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "UNABLE_TO_LOCK_ROW", "SERVER_UNAVAILABLE", "REQUEST_RUNNING_TOO_LONG", "QUERY_TIMEOUT",
        "ALL_OR_NONE_OPERATION_ROLLED_BACK", "REQUEST_LIMIT_EXCEEDED", "TOO_MANY_APEX_REQUESTS",
    };

    public SourceSystem System => SourceSystem.Salesforce;

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ContactUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var results = new List<WriteResult>(updates.Count);
        var pending = new List<PendingRecord>();
        var byTarget = new Dictionary<SourceRef, PendingRecord>();

        foreach (var update in updates.OrderBy(u => u.Version))
        {
            var problem = Check(update);
            if (problem is not null)
            {
                results.Add(new WriteResult(update, WriteOutcome.Rejected, problem));
                continue;
            }

            if (!byTarget.TryGetValue(update.Target, out var record))
            {
                record = new PendingRecord(update.Target);
                byTarget.Add(update.Target, record);
                pending.Add(record);
            }

            record.Updates.Add(update);
            record.Version = Math.Max(record.Version, update.Version);
            foreach (var (name, value) in update.Properties)
            {
                var (field, fieldValue) = ToField(name, value);
                record.Fields[field] = fieldValue;
            }
        }

        var chunks = pending.Where(p => p.Fields.Count > 0).Chunk(MaxRecordsPerCall).ToList();
        foreach (var empty in pending.Where(p => p.Fields.Count == 0))
        {
            results.AddRange(empty.Updates.Select(u => new WriteResult(u, WriteOutcome.Applied)));
        }

        var chunkResults = new List<WriteResult>[chunks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentRequests, CancellationToken = cancellationToken },
            async (index, ct) => chunkResults[index] = await WriteChunkAsync(chunks[index], ct).ConfigureAwait(false)).ConfigureAwait(false);

        var failures = 0;
        foreach (var chunk in chunkResults)
        {
            failures += chunk.Count(r => r.Outcome != WriteOutcome.Applied);
            results.AddRange(chunk);
        }

        Log.CollectionsWritten(logger, pending.Count, chunks.Count, failures);
        return results;
    }

    private async Task<List<WriteResult>> WriteChunkAsync(PendingRecord[] chunk, CancellationToken cancellationToken)
    {
        var request = new SalesforceCollectionRequest
        {
            AllOrNone = false,
            Records = chunk.Select(record => (IReadOnlyDictionary<string, object?>)ToBody(record, options.Value.WriteBack.VersionField)).ToList(),
        };

        var response = await api.UpdateCollectionAsync(options.Value.ApiVersion, request, cancellationToken).ConfigureAwait(false);
        var saved = SalesforceResponses.Ensure(response);
        if (saved.Count != chunk.Length)
        {
            throw new SalesforceApiException(response.StatusCode ?? 0, "UNEXPECTED_RESPONSE", $"{saved.Count} results for {chunk.Length} records");
        }

        var results = new List<WriteResult>();
        for (var i = 0; i < chunk.Length; i++)
        {
            var outcome = saved[i].Success ? WriteOutcome.Applied : Classify(saved[i].Errors);
            var error = saved[i].Success ? string.Empty : string.Join("; ", saved[i].Errors.Select(e => e.ToString()));
            if (outcome != WriteOutcome.Applied)
            {
                Log.WriteFailed(logger, chunk[i].Target.ObjectType, chunk[i].Target.Id, outcome.ToString(), (saved[i].Errors.Count > 0 ? saved[i].Errors[0].Code : string.Empty));
            }

            results.AddRange(chunk[i].Updates.Select(u => new WriteResult(u, outcome, error)));
        }

        return results;
    }

    private static WriteOutcome Classify(IReadOnlyList<SalesforceError> errors) =>
        errors.Count > 0 && errors.All(e => TransientCodes.Contains(e.Code)) ? WriteOutcome.Transient : WriteOutcome.Rejected;

    public async Task<IReadOnlyDictionary<SourceRef, long>> ReadVersionsAsync(IReadOnlyList<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var settings = options.Value;
        var versionField = settings.WriteBack.VersionField;
        var versions = new Dictionary<SourceRef, long>();
        if (string.IsNullOrWhiteSpace(versionField))
        {
            return versions;
        }

        var byType = targets
            .Where(t => t.System == SourceSystem.Salesforce && SalesforceObjectTypes.IsSupported(t.ObjectType) && SalesforceRecordMapper.IsRecordId(t.Id))
            .GroupBy(t => t.ObjectType, StringComparer.Ordinal);
        var queryOptions = "batchSize=" + settings.QueryBatchSize.ToString(CultureInfo.InvariantCulture);
        foreach (var group in byType)
        {
            var exact = group.Distinct().ToDictionary(t => t.Id, StringComparer.Ordinal);

            // Salesforce answers with 18-character ids even when asked with 15-character ones (the same id plus a checksum).
            var fifteen = group.Where(t => t.Id.Length == 15).Distinct().ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var chunk in group.Select(t => t.Id).Distinct(StringComparer.Ordinal).Chunk(MaxIdsPerVersionQuery))
            {
                var soql = SalesforceSoql.VersionMarkers(group.Key, versionField, chunk);
                var page = SalesforceResponses.Ensure(await api.QueryAsync(settings.ApiVersion, soql, queryOptions, cancellationToken).ConfigureAwait(false));
                while (true)
                {
                    foreach (var record in page.Records)
                    {
                        var reader = new SalesforceRecordReader(record);
                        var id = reader.Text("Id");
                        if (ReadVersion(reader, versionField) is not { } version)
                        {
                            continue;
                        }

                        if (exact.TryGetValue(id, out var target))
                        {
                            versions[target] = version;
                        }

                        if (id.Length == 18 && fifteen.TryGetValue(id[..15], out var shortTarget))
                        {
                            versions[shortTarget] = version;
                        }
                    }

                    if (page.Done || string.IsNullOrEmpty(page.NextRecordsUrl))
                    {
                        break;
                    }

                    page = SalesforceResponses.Ensure(await api.QueryMoreAsync(page.NextRecordsUrl.TrimStart('/'), queryOptions, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        return versions;
    }

    /// <summary>
    /// The marker of one record: a whole number (Salesforce returns number fields as 42.0, a text field as "42");
    /// null when blank or not a whole number.
    /// </summary>
    internal static long? ReadVersion(SalesforceRecordReader reader, string versionField)
    {
        if (!reader.TryGet(versionField, out var value))
        {
            return null;
        }

        var number = 0m;
        var parsed = (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out number))
            || (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number));
        return parsed && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue ? (long)number : null;
    }

    private static Dictionary<string, object?> ToBody(PendingRecord record, string? versionField)
    {
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["attributes"] = new Dictionary<string, string> { ["type"] = record.Target.ObjectType },
            ["Id"] = record.Target.Id,
        };
        foreach (var (field, value) in record.Fields)
        {
            body[field] = value;
        }

        if (!string.IsNullOrWhiteSpace(versionField))
        {
            body[versionField] = record.Version;
        }

        return body;
    }

    private string? Check(ContactUpdate update)
    {
        if (update.Target.System != SourceSystem.Salesforce)
        {
            return $"target {update.Target} is not a Salesforce record";
        }

        if (!SalesforceObjectTypes.IsSupported(update.Target.ObjectType))
        {
            return $"object type {update.Target.ObjectType} is not written by SyncBridge (Lead or Contact)";
        }

        if (!SalesforceRecordMapper.IsRecordId(update.Target.Id))
        {
            return "the target has no valid Salesforce record id";
        }

        foreach (var (name, value) in update.Properties)
        {
            var (field, _) = ToField(name, string.Empty);
            if (field.Length == 0)
            {
                return $"property {name} has no Salesforce field (write-back switched off)";
            }

            if (!SalesforceFieldMap.IsValidFieldPath(field) || field.Contains('.', StringComparison.Ordinal) || field == "Id")
            {
                return $"property {name} is not a writable Salesforce field";
            }

            if (name == SalesforceWriteBackKeys.Score && value.Length > 0 && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                return "score is not a number";
            }

            if (name == SalesforceWriteBackKeys.HotLead && value.Length > 0 && !bool.TryParse(value, out _))
            {
                return "hot_lead is not true or false";
            }
        }

        return null;
    }

    private (string Field, object? Value) ToField(string name, string value)
    {
        var writeBack = options.Value.WriteBack;
        object? text = value.Length == 0 ? null : value;
        return name switch
        {
            SalesforceWriteBackKeys.LifecycleStage => (writeBack.LifecycleStageField ?? string.Empty, text),
            SalesforceWriteBackKeys.MarketingDecision => (writeBack.MarketingDecisionField ?? string.Empty, text),
            SalesforceWriteBackKeys.Score => (writeBack.ScoreField ?? string.Empty,
                value.Length > 0 && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var score) ? score : null),
            SalesforceWriteBackKeys.HotLead => (writeBack.HotLeadField ?? string.Empty,
                value.Length > 0 && bool.TryParse(value, out var hot) ? hot : null),
            _ => (name, text),
        };
    }

    private sealed class PendingRecord(SourceRef target)
    {
        public SourceRef Target { get; } = target;

        public List<ContactUpdate> Updates { get; } = [];

        /// <summary>The highest version among <see cref="Updates"/>: the marker written with the merged fields.</summary>
        public long Version { get; set; } = long.MinValue;

        public Dictionary<string, object?> Fields { get; } = new(StringComparer.Ordinal);
    }
}
