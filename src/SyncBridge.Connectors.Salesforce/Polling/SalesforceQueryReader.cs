using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Api;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Diagnostics;
using SyncBridge.Connectors.Salesforce.Http;
using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Polling;

/// <summary>
/// Reads one sObject incrementally: first the deletions since the last run (deleted endpoint, then queryAll for
/// merges), then the changed records in (SystemModstamp, Id) order, page by page along <c>nextRecordsUrl</c>.
/// Every page carries the cursor to persist. When the deleted-records window no longer reaches back to the
/// cursor, the read restarts from the beginning (a full resync) and says so in the first page's errors.
/// </summary>
internal sealed class SalesforceQueryReader(
    ISalesforceApi api,
    SalesforceRecordMapper mapper,
    IOptions<SalesforceOptions> options,
    TimeProvider timeProvider,
    SalesforceMetrics metrics,
    ILogger<SalesforceQueryReader> logger)
{
    /// <summary>Location of the error that reports a full resync.</summary>
    public const string ResyncLocation = "deleted-window";

    private const int MergeLookupChunk = 200;

    private static readonly TimeSpan DeletedEndpointReach = TimeSpan.FromDays(29);

    public async IAsyncEnumerable<ContactPage> ReadAsync(
        string sObject,
        string sourceName,
        SourceCursor? since,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var queryOptions = "batchSize=" + settings.QueryBatchSize.ToString(CultureInfo.InvariantCulture);
        var now = timeProvider.GetUtcNow();
        var pendingErrors = new List<RecordError>();
        SourceCursor? position = null;
        string state;

        if (since is null || SalesforceSoql.IsStart(since))
        {
            // Backfill: deletions from now on are read from the deleted endpoint next time.
            state = new SalesforceCursorState(since is null ? now : SalesforceCursorState.Parse(since.State).DeletedSince ?? now).ToString();
        }
        else
        {
            var start = SalesforceCursorState.Parse(since.State).DeletedSince ?? since.Timestamp;

            // The deleted endpoint refuses a start more than 30 days back: such a cursor is past the window anyway.
            var deleted = now - start > DeletedEndpointReach
                ? new SalesforceDeletedResult { EarliestDateAvailable = SalesforceDateTime.Format(now - DeletedEndpointReach) }
                : SalesforceResponses.Ensure(await api.GetDeletedAsync(
                    settings.ApiVersion, sObject, SalesforceDateTime.Format(start), SalesforceDateTime.Format(now), cancellationToken).ConfigureAwait(false));
            var earliest = SalesforceDateTime.ParseOrNull(deleted.EarliestDateAvailable);
            if (earliest is { } earliestAvailable && earliestAvailable > start)
            {
                Log.FullResyncScheduled(logger, sObject, earliestAvailable, start);
                metrics.RecordFullResync(sObject);
                pendingErrors.Add(new RecordError(
                    sourceName,
                    ResyncLocation,
                    $"deleted records are available from {SalesforceDateTime.Format(earliestAvailable)} only, after the cursor's {SalesforceDateTime.Format(start)}: deletions in between are unknown, full resync started"));
                state = new SalesforceCursorState(now).ToString();
            }
            else
            {
                var covered = SalesforceDateTime.ParseOrNull(deleted.LatestDateCovered) ?? now;
                state = new SalesforceCursorState(covered > start ? covered : start).ToString();
                position = since with { State = state };
                var deletions = await DeletionsPageAsync(sObject, deleted, position, cancellationToken).ConfigureAwait(false);
                yield return deletions;
            }
        }

        var fields = mapper.SelectFields(sObject);
        var subquery = mapper.OpportunitySubquery(sObject);
        while (true)
        {
            var soql = SalesforceSoql.Incremental(sObject, fields, subquery, position, settings.MaxRecordsPerQuery);
            var result = SalesforceResponses.Ensure(await api.QueryAsync(settings.ApiVersion, soql, queryOptions, cancellationToken).ConfigureAwait(false));
            var readInQuery = 0;
            while (true)
            {
                var contacts = new List<CanonicalContact>(result.Records.Count);
                var errors = new List<RecordError>(pendingErrors);
                pendingErrors.Clear();
                foreach (var record in result.Records)
                {
                    var mapped = mapper.Map(sObject, sourceName, record);
                    if (mapped.Contact is not null)
                    {
                        contacts.Add(mapped.Contact);
                    }
                    else if (mapped.Error is not null)
                    {
                        Log.RecordSkipped(logger, sObject, mapped.Id, mapped.Error.Message);
                        errors.Add(mapped.Error);
                    }

                    if (mapped.Modstamp is { } modstamp)
                    {
                        position = new SourceCursor(modstamp, mapped.Id, state);
                    }
                }

                readInQuery += result.Records.Count;
                var cursor = position ?? new SourceCursor(DateTimeOffset.MinValue, string.Empty, state);
                Log.PageRead(logger, sObject, contacts.Count, 0, errors.Count, cursor.Id);
                yield return new ContactPage(contacts, [], errors, cursor);

                if (result.Done || string.IsNullOrEmpty(result.NextRecordsUrl))
                {
                    break;
                }

                result = SalesforceResponses.Ensure(await api.QueryMoreAsync(result.NextRecordsUrl.TrimStart('/'), queryOptions, cancellationToken).ConfigureAwait(false));
            }

            if (readInQuery < settings.MaxRecordsPerQuery)
            {
                yield break;
            }
        }
    }

    private async Task<ContactPage> DeletionsPageAsync(string sObject, SalesforceDeletedResult deleted, SourceCursor cursor, CancellationToken cancellationToken)
    {
        var ids = deleted.DeletedRecords.Select(r => r.Id).Where(SalesforceRecordMapper.IsRecordId).Distinct(StringComparer.Ordinal).ToList();
        var refs = ids.Select(id => new SourceRef(SourceSystem.Salesforce, sObject, id)).ToList();
        var merges = new Dictionary<SourceRef, SourceRef>();
        var settings = options.Value;
        foreach (var chunk in ids.Chunk(MergeLookupChunk))
        {
            var result = SalesforceResponses.Ensure(await api.QueryAllAsync(
                settings.ApiVersion,
                SalesforceSoql.MergedRecords(sObject, chunk),
                "batchSize=" + settings.QueryBatchSize.ToString(CultureInfo.InvariantCulture),
                cancellationToken).ConfigureAwait(false));
            while (true)
            {
                foreach (var record in result.Records)
                {
                    var reader = new SalesforceRecordReader(record);
                    var id = reader.Text("Id");
                    var master = reader.Text("MasterRecordId");
                    if (SalesforceRecordMapper.IsRecordId(id) && SalesforceRecordMapper.IsRecordId(master))
                    {
                        merges[new SourceRef(SourceSystem.Salesforce, sObject, id)] = new SourceRef(SourceSystem.Salesforce, sObject, master);
                    }
                }

                if (result.Done || string.IsNullOrEmpty(result.NextRecordsUrl))
                {
                    break;
                }

                result = SalesforceResponses.Ensure(await api.QueryMoreAsync(result.NextRecordsUrl.TrimStart('/'), string.Empty, cancellationToken).ConfigureAwait(false));
            }
        }

        Log.PageRead(logger, sObject, 0, refs.Count, 0, cursor.Id);
        return new ContactPage([], refs, [], cursor) { MergedInto = merges };
    }
}
