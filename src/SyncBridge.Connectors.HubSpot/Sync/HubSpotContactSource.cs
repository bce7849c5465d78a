using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// Reads HubSpot contacts as a stream of canonical pages. Without a cursor: a full backfill through the list
/// endpoint (no result cap). With one: searches by <c>lastmodifieddate</c> from the cursor minus the overlap
/// window, ascending, in windows kept under the search cap (split by time; when more contacts than the cap share
/// one timestamp, paged by <c>hs_object_id</c> inside that timestamp), then reports archived contacts.
/// Each page carries the cursor to persist once it is processed.
/// Throws <see cref="HubSpotDailyLimitReachedException"/> when the account's daily quota is spent.
/// </summary>
public sealed class HubSpotContactSource : IContactSource
{
    private const string Ascending = "ASCENDING";

    private readonly IHubSpotContactsApi _api;
    private readonly HubSpotAccountContext _account;
    private readonly HubSpotContactMapper _mapper;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HubSpotContactSource> _logger;
    private readonly IReadOnlyList<string> _properties;

    internal HubSpotContactSource(
        IHubSpotContactsApi api,
        HubSpotAccountContext account,
        HubSpotContactMapper mapper,
        TimeProvider timeProvider,
        ILogger<HubSpotContactSource> logger)
    {
        _api = api;
        _account = account;
        _mapper = mapper;
        _timeProvider = timeProvider;
        _logger = logger;
        _properties = HubSpotContactProperties.Read.Concat(account.Options.ExtraProperties).Distinct(StringComparer.Ordinal).ToList();
        Name = string.Equals(account.Name, "default", StringComparison.Ordinal) ? "hubspot:contacts" : $"hubspot:{account.Name}:contacts";
    }

    public string Name { get; }

    private int Cap => _account.Options.SearchResultCap;

    public IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken)
    {
        _account.DailyGate.ThrowIfBlocked();
        var state = HubSpotCursorState.Parse(since?.State);
        return since is null || state.Backfilling
            ? BackfillAsync(state, cancellationToken)
            : IncrementalAsync(since, state, cancellationToken);
    }

    private async IAsyncEnumerable<ContactPage> BackfillAsync(HubSpotCursorState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var startedAt = state.Floor ?? _timeProvider.GetUtcNow();
        var after = state.BackfillAfter;
        if (after is null)
        {
            Log.BackfillStarting(_logger, Name);
        }

        var pageNumber = 0;
        while (true)
        {
            pageNumber++;
            var response = await HubSpotCall.RunAsync(_api.ListAsync(_account.Paths.Objects, _account.Options.PageSize, after, _properties, "false", cancellationToken)).ConfigureAwait(false);
            var next = response.Paging?.Next?.After;
            if (next is not null && string.Equals(next, after, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"HubSpot returned the same paging token '{next}' twice; stopping the backfill instead of looping.");
            }

            var contacts = new List<CanonicalContact>();
            var errors = new List<RecordError>();
            foreach (var record in Parse(response.Results, $"list page {pageNumber} (after={after ?? "start"})", errors))
            {
                MapInto(record, $"list page {pageNumber}", contacts, errors);
            }

            var done = string.IsNullOrEmpty(next);
            var nextState = done
                ? new HubSpotCursorState { Floor = startedAt, ArchivedSince = startedAt }
                : new HubSpotCursorState { Backfilling = true, BackfillAfter = next, Floor = startedAt };
            yield return new ContactPage(contacts, [], errors, new SourceCursor(startedAt, string.Empty, nextState.Serialize()));
            if (done)
            {
                yield break;
            }

            after = next;
        }
    }

    private async IAsyncEnumerable<ContactPage> IncrementalAsync(SourceCursor since, HubSpotCursorState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = _account.Options;
        var progress = new HubSpotSyncProgress(since, state, options.OverlapWindow, options.OverlapSeenCapacity);
        var from = since.Timestamp - options.OverlapWindow;
        if (state.Floor is { } floor && floor > from)
        {
            from = floor;
        }

        var pageNumber = 0;

        // The upper end of the narrowest window known to hold more than the cap (null: the open window).
        DateTimeOffset? ceiling = null;
        while (true)
        {
            var response = await SearchWindowAsync(from, ceiling, null, cancellationToken).ConfigureAwait(false);
            var to = ceiling;
            DateTimeOffset? overCap = null;
            if (response.Total > Cap)
            {
                var now = _timeProvider.GetUtcNow();
                var end = ceiling ?? (now > from ? now : from.AddMilliseconds(1));
                (to, response, overCap) = await NarrowAsync(from, end, ceiling, response.Total, cancellationToken).ConfigureAwait(false);
                if (to == from && response.Total > Cap)
                {
                    Log.SingleTimestampOverflow(_logger, Name, from, response.Total);
                    await foreach (var page in SingleTimestampAsync(from, progress, () => ++pageNumber, cancellationToken).ConfigureAwait(false))
                    {
                        yield return page;
                    }

                    from = from.AddMilliseconds(1);
                    ceiling = overCap is { } above && above >= from ? overCap : null;
                    continue;
                }
            }

            while (true)
            {
                pageNumber++;
                yield return BuildPage(response.Results, $"search page {pageNumber} (window {Ms(from)}..{(to is null ? "open" : Ms(to.Value))})", progress);
                var after = response.Paging?.Next?.After;
                if (string.IsNullOrEmpty(after))
                {
                    break;
                }

                response = await SearchWindowAsync(from, to, after, cancellationToken).ConfigureAwait(false);
            }

            if (to is null)
            {
                break;
            }

            from = to.Value.AddMilliseconds(1);

            // Continue below the window that was over the cap; past it, the open window again.
            ceiling = overCap is { } upper && upper >= from ? overCap : null;
        }

        if (options.ReadArchived)
        {
            await foreach (var page in ArchivedAsync(progress, cancellationToken).ConfigureAwait(false))
            {
                yield return page;
            }
        }
    }

    /// <summary>
    /// Shrinks [from, end] until the window holds no more than the cap, or is one millisecond wide. Returns the
    /// window's end, its first page, and the end of the narrowest window seen over the cap (null when that was
    /// the open window).
    /// </summary>
    private async Task<(DateTimeOffset To, HubSpotSearchResponse Response, DateTimeOffset? OverCap)> NarrowAsync(
        DateTimeOffset from, DateTimeOffset end, DateTimeOffset? ceiling, int total, CancellationToken cancellationToken)
    {
        var overCap = ceiling;
        var spanMs = Math.Max(0, (long)(end - from).TotalMilliseconds);
        while (true)
        {
            // Aim at 80% of the cap assuming evenly spread changes; always at least halve.
            var target = (long)Math.Floor(spanMs * (Cap * 0.8 / total));
            var nextSpan = Math.Min(target, spanMs / 2);
            var to = from.AddMilliseconds(nextSpan);
            Log.WindowSplit(_logger, Name, from, to, total, Cap);
            var response = await SearchWindowAsync(from, to, null, cancellationToken).ConfigureAwait(false);
            if (response.Total <= Cap || nextSpan == 0)
            {
                return (to, response, overCap);
            }

            overCap = to;
            spanMs = nextSpan;
            total = response.Total;
        }
    }

    /// <summary>More contacts than the cap share <paramref name="timestamp"/>: page by hs_object_id inside it, never by offset.</summary>
    private async IAsyncEnumerable<ContactPage> SingleTimestampAsync(
        DateTimeOffset timestamp,
        HubSpotSyncProgress progress,
        Func<int> nextPageNumber,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lastId = progress.Timestamp == timestamp ? progress.Id : 0;
        var limit = _account.Options.SearchPageSize;
        while (true)
        {
            var request = new HubSpotSearchRequest
            {
                FilterGroups =
                [
                    new HubSpotFilterGroup(
                    [
                        new HubSpotFilter(HubSpotContactProperties.LastModified, "EQ", Ms(timestamp)),
                        new HubSpotFilter(HubSpotContactProperties.ObjectId, "GT", lastId.ToString(CultureInfo.InvariantCulture)),
                    ]),
                ],
                Sorts = [new HubSpotSort(HubSpotContactProperties.ObjectId, Ascending)],
                Properties = _properties,
                Limit = limit,
            };
            var response = await HubSpotCall.RunAsync(_api.SearchAsync(_account.Paths.Objects, request, cancellationToken)).ConfigureAwait(false);
            var results = response.Results ?? [];
            if (results.Count == 0)
            {
                yield break;
            }

            var page = BuildPage(results, $"search page {nextPageNumber()} (timestamp {Ms(timestamp)}, hs_object_id > {lastId})", progress, out var highestId);
            yield return page;
            if (highestId <= lastId)
            {
                throw new InvalidOperationException($"HubSpot search at timestamp {Ms(timestamp)} returned no readable id above {lastId}; stopping instead of looping.");
            }

            lastId = highestId;
            if (results.Count < limit)
            {
                yield break;
            }
        }
    }

    private async IAsyncEnumerable<ContactPage> ArchivedAsync(HubSpotSyncProgress progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var since = progress.ArchivedSince ?? DateTimeOffset.MinValue;
        var newest = since;
        string? after = null;
        var pageNumber = 0;
        while (true)
        {
            pageNumber++;
            var response = await HubSpotCall.RunAsync(_api.ListAsync(_account.Paths.Objects, _account.Options.PageSize, after, [HubSpotContactProperties.ObjectId, HubSpotContactProperties.LastModified], "true", cancellationToken)).ConfigureAwait(false);
            var errors = new List<RecordError>();
            var deleted = new List<SourceRef>();
            foreach (var record in Parse(response.Results, $"archived page {pageNumber}", errors))
            {
                if (record.ArchivedAt is { } archivedAt && archivedAt > since)
                {
                    deleted.Add(new SourceRef(SourceSystem.HubSpot, "contact", record.Id));
                    newest = archivedAt > newest ? archivedAt : newest;
                }
            }

            var next = response.Paging?.Next?.After;
            var done = string.IsNullOrEmpty(next) || string.Equals(next, after, StringComparison.Ordinal);
            if (done)
            {
                progress.ArchivedSince = newest > since ? newest : progress.ArchivedSince;
            }

            if (deleted.Count > 0 || errors.Count > 0 || (done && newest > since))
            {
                yield return new ContactPage([], deleted, errors, progress.ToCursor());
            }

            if (done)
            {
                yield break;
            }

            after = next;
        }
    }

    private Task<HubSpotSearchResponse> SearchWindowAsync(DateTimeOffset from, DateTimeOffset? to, string? after, CancellationToken cancellationToken)
    {
        var filters = new List<HubSpotFilter> { new(HubSpotContactProperties.LastModified, "GTE", Ms(from)) };
        if (to is { } upper)
        {
            filters.Add(new HubSpotFilter(HubSpotContactProperties.LastModified, "LTE", Ms(upper)));
        }

        var request = new HubSpotSearchRequest
        {
            FilterGroups = [new HubSpotFilterGroup(filters)],
            Sorts = [new HubSpotSort(HubSpotContactProperties.LastModified, Ascending)],
            Properties = _properties,
            Limit = _account.Options.SearchPageSize,
            After = after,
        };
        return HubSpotCall.RunAsync(_api.SearchAsync(_account.Paths.Objects, request, cancellationToken));
    }

    private ContactPage BuildPage(IReadOnlyList<JsonElement>? results, string location, HubSpotSyncProgress progress) =>
        BuildPage(results, location, progress, out _);

    private ContactPage BuildPage(IReadOnlyList<JsonElement>? results, string location, HubSpotSyncProgress progress, out long highestId)
    {
        var errors = new List<RecordError>();
        var records = Parse(results, location, errors);
        highestId = records.Count == 0 ? 0 : records.Max(record => record.NumericId);
        records.Sort(static (a, b) =>
        {
            var byTime = a.LastModified.CompareTo(b.LastModified);
            return byTime != 0 ? byTime : a.NumericId.CompareTo(b.NumericId);
        });

        var contacts = new List<CanonicalContact>(records.Count);
        foreach (var record in records)
        {
            if (progress.AlreadyDelivered(record))
            {
                continue;
            }

            MapInto(record, location, contacts, errors);
            progress.Delivered(record);
        }

        return new ContactPage(contacts, [], errors, progress.ToCursor());
    }

    private List<HubSpotContactRecord> Parse(IReadOnlyList<JsonElement>? results, string location, List<RecordError> errors)
    {
        var records = new List<HubSpotContactRecord>(results?.Count ?? 0);
        if (results is null)
        {
            return records;
        }

        for (var i = 0; i < results.Count; i++)
        {
            if (HubSpotContactParser.TryParse(results[i], out var record, out var error))
            {
                records.Add(record!);
            }
            else
            {
                var where = $"{location} record {i}";
                Log.RecordSkipped(_logger, Name, where, error);
                errors.Add(new RecordError(Name, where, error));
            }
        }

        return records;
    }

    private void MapInto(HubSpotContactRecord record, string location, List<CanonicalContact> contacts, List<RecordError> errors)
    {
        try
        {
            contacts.Add(_mapper.Map(record));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException or NotImplementedException)
        {
            // The exception's text may quote the record's values (an email, a phone): report only its kind.
            var where = $"{location} contact {record.Id}";
            var reason = $"could not be mapped to a canonical contact ({exception.GetType().Name})";
            Log.RecordSkipped(_logger, Name, where, reason);
            errors.Add(new RecordError(Name, where, reason));
        }
    }

    private static string Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
