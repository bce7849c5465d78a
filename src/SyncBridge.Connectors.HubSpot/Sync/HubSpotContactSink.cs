using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Refit;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// Writes property changes to HubSpot contacts with batch update, 100 per call, only the properties given.
/// A 207 is split per contact: the ones HubSpot names in <c>errors</c> are Rejected with its message (or
/// Transient when the error is a rate limit or server error), the rest Applied. Marketing contact status is
/// never written: HubSpot's API cannot.
/// </summary>
public sealed class HubSpotContactSink : IContactSink
{
    public const int BatchSize = 100;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly IHubSpotContactsApi _api;
    private readonly HubSpotAccountContext _account;
    private readonly ILogger<HubSpotContactSink> _logger;

    internal HubSpotContactSink(IHubSpotContactsApi api, HubSpotAccountContext account, ILogger<HubSpotContactSink> logger)
    {
        _api = api;
        _account = account;
        _logger = logger;
    }

    public SourceSystem System => SourceSystem.HubSpot;

    public async Task<IReadOnlyList<WriteResult>> WriteAsync(IReadOnlyList<ContactUpdate> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var results = new List<WriteResult>(updates.Count);
        var writable = new List<ContactUpdate>(updates.Count);
        foreach (var update in updates)
        {
            if (Refuse(update) is { } reason)
            {
                results.Add(new WriteResult(update, WriteOutcome.Rejected, reason));
            }
            else if (update.Properties.Count == 0)
            {
                results.Add(new WriteResult(update, WriteOutcome.Applied));
            }
            else
            {
                writable.Add(update);
            }
        }

        foreach (var batch in Batches(writable))
        {
            if (_account.DailyGate.BlockedUntil is { } until)
            {
                results.AddRange(batch.Select(update => new WriteResult(update, WriteOutcome.Transient, $"HubSpot daily request limit reached; resumes at {until:O}")));
                continue;
            }

            results.AddRange(await WriteBatchAsync(batch, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    internal async Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<ContactUpdate> batch, CancellationToken cancellationToken)
    {
        var request = new HubSpotBatchInput<HubSpotObjectInput>(batch
            .Select(update => new HubSpotObjectInput(update.Target.Id, update.Properties.ToDictionary(pair => pair.Key, pair => pair.Value ?? string.Empty, StringComparer.Ordinal)))
            .ToList());
        try
        {
            var response = await _api.BatchUpdateAsync(_account.Paths.Objects, request, cancellationToken).ConfigureAwait(false);
            return Split(batch, response);
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            var message = MessageOf(exception);
            Log.BatchFailed(_logger, _account.Name, batch.Count, "rejected " + (int)exception.StatusCode);
            return batch.Select(update => new WriteResult(update, WriteOutcome.Rejected, message)).ToList();
        }
        catch (ApiException exception)
        {
            Log.BatchFailed(_logger, _account.Name, batch.Count, "transient " + (int)exception.StatusCode);
            return Transient(batch, MessageOf(exception));
        }
        catch (ApiRequestException exception)
        {
            // Nothing came back (transport failure, timeout, open circuit, daily limit): the writes may pass later.
            var cause = exception.InnerException ?? exception;
            Log.BatchFailed(_logger, _account.Name, batch.Count, cause.GetType().Name);
            return Transient(batch, cause.Message);
        }
    }

    /// <summary>Chunks of at most 100 with distinct targets (HubSpot refuses a batch naming one id twice); order kept.</summary>
    internal static IEnumerable<List<ContactUpdate>> Batches(IReadOnlyList<ContactUpdate> updates)
    {
        var pending = updates.ToList();
        while (pending.Count > 0)
        {
            var batch = new List<ContactUpdate>(Math.Min(BatchSize, pending.Count));
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var rest = new List<ContactUpdate>();
            foreach (var update in pending)
            {
                if (batch.Count < BatchSize && ids.Add(update.Target.Id))
                {
                    batch.Add(update);
                }
                else
                {
                    rest.Add(update);
                }
            }

            yield return batch;
            pending = rest;
        }
    }

    private static string? Refuse(ContactUpdate update)
    {
        if (update.Target.System != SourceSystem.HubSpot)
        {
            return $"target {update.Target} is not a HubSpot record";
        }

        if (update.Target.Id.Length == 0 || !update.Target.Id.All(char.IsAsciiDigit))
        {
            return $"target id '{update.Target.Id}' is not a HubSpot object id";
        }

        var readOnly = update.Properties.Keys.FirstOrDefault(name => name.StartsWith(HubSpotContactProperties.ReadOnlyMarketablePrefix, StringComparison.OrdinalIgnoreCase));
        return readOnly is null
            ? null
            : $"property '{readOnly}' is read-only in HubSpot's API (marketing contact status is set by workflow from syncbridge_marketing_decision)";
    }

    private static List<WriteResult> Split(IReadOnlyList<ContactUpdate> batch, HubSpotBatchResponse response)
    {
        var failures = new Dictionary<string, (WriteOutcome Outcome, string Message)>(StringComparer.Ordinal);
        string? unattributed = null;
        foreach (var error in response.Errors ?? [])
        {
            var outcome = IsTransient(error) ? WriteOutcome.Transient : WriteOutcome.Rejected;
            var message = string.IsNullOrWhiteSpace(error.Message) ? error.Category ?? "HubSpot reported an error" : error.Message;
            var ids = IdsOf(error);
            if (ids.Count == 0)
            {
                unattributed ??= message;
            }

            foreach (var id in ids)
            {
                failures.TryAdd(id, (outcome, message));
            }
        }

        var succeeded = new HashSet<string>((response.Results ?? []).Select(result => result.Id), StringComparer.Ordinal);
        return batch.Select(update =>
        {
            if (failures.TryGetValue(update.Target.Id, out var failure))
            {
                return new WriteResult(update, failure.Outcome, failure.Message);
            }

            if (succeeded.Contains(update.Target.Id) || (unattributed is null && (response.NumErrors ?? 0) == 0))
            {
                return new WriteResult(update, WriteOutcome.Applied);
            }

            return new WriteResult(update, WriteOutcome.Transient, unattributed ?? "HubSpot returned no result for this contact");
        }).ToList();
    }

    private static List<string> IdsOf(HubSpotBatchError error)
    {
        var ids = new List<string>();
        if (!string.IsNullOrEmpty(error.Id))
        {
            ids.Add(error.Id);
        }

        if (error.Context is { } context)
        {
            foreach (var key in new[] { "ids", "id", "objectId", "objectIds" })
            {
                if (context.TryGetValue(key, out var values))
                {
                    ids.AddRange(values);
                }
            }
        }

        return ids;
    }

    private static bool IsTransient(HubSpotBatchError error) =>
        error.Category?.ToUpperInvariant() switch
        {
            "RATE_LIMITS" or "RATE_LIMIT" or "INTERNAL_ERROR" or "SERVICE_UNAVAILABLE" or "TIMEOUT" or "LOCKED" => true,
            _ => error.Status is "500" or "502" or "503" or "504" or "429",
        };

    private static List<WriteResult> Transient(IReadOnlyList<ContactUpdate> batch, string message) =>
        batch.Select(update => new WriteResult(update, WriteOutcome.Transient, message)).ToList();

    private static string MessageOf(ApiException exception)
    {
        if (!string.IsNullOrWhiteSpace(exception.Content))
        {
            try
            {
                var body = JsonSerializer.Deserialize<HubSpotErrorBody>(exception.Content, JsonOptions);
                if (!string.IsNullOrWhiteSpace(body?.Message))
                {
                    return body.Message;
                }
            }
            catch (JsonException)
            {
                // Not HubSpot's error body: fall back to the status line.
            }
        }

        return $"HubSpot answered {(int)exception.StatusCode} {exception.ReasonPhrase}";
    }
}
