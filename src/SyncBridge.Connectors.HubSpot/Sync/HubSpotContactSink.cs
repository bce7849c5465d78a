using System.Globalization;
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
/// never written: HubSpot's API cannot. Every update also writes its <see cref="ContactUpdate.Version"/> into
/// <c>syncbridge_version</c> in the same request, and <see cref="ReadVersionsAsync"/> reads it back (batch read).
/// A target <c>email:&lt;address&gt;</c> (a person HubSpot does not know yet, see <see cref="HubSpotDecisionPropertyMap"/>)
/// is written by batch upsert with <c>idProperty=email</c>: created when new (HubSpot makes an app-created contact
/// non-marketing), updated otherwise, so writing it twice is harmless.
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

        // Several updates of one contact go out in successive batches, lowest version first, so the marker ends at the highest.
        foreach (var batch in Batches(writable.OrderBy(update => update.Version).ToList()))
        {
            if (_account.DailyGate.BlockedUntil is { } until)
            {
                results.AddRange(batch.Select(update => new WriteResult(update, WriteOutcome.Transient, $"HubSpot daily request limit reached; resumes at {until:O}")));
                continue;
            }

            var upserts = batch.Where(update => HubSpotDecisionPropertyMap.EmailOf(update.Target) is not null).ToList();
            var byId = batch.Where(update => HubSpotDecisionPropertyMap.EmailOf(update.Target) is null).ToList();
            if (byId.Count > 0)
            {
                results.AddRange(await WriteBatchAsync(byId, cancellationToken).ConfigureAwait(false));
            }

            if (upserts.Count > 0)
            {
                results.AddRange(await UpsertBatchAsync(upserts, cancellationToken).ConfigureAwait(false));
            }
        }

        return results;
    }

    public async Task<IReadOnlyDictionary<SourceRef, long>> ReadVersionsAsync(IReadOnlyList<SourceRef> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var byId = new Dictionary<string, List<SourceRef>>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (target.System != SourceSystem.HubSpot || target.Id.Length == 0 || !target.Id.All(char.IsAsciiDigit))
            {
                continue;
            }

            if (!byId.TryGetValue(target.Id, out var refs))
            {
                refs = [];
                byId.Add(target.Id, refs);
            }

            if (!refs.Contains(target))
            {
                refs.Add(target);
            }
        }

        var versions = new Dictionary<SourceRef, long>();
        foreach (var chunk in byId.Keys.Chunk(BatchSize))
        {
            var request = new HubSpotBatchReadRequest(chunk.Select(id => new HubSpotObjectId(id)).ToList(), [HubSpotPropertyBootstrapper.Version]);
            var response = await HubSpotCall.RunAsync(_api.BatchReadAsync(_account.Paths.Objects, request, cancellationToken)).ConfigureAwait(false);
            foreach (var result in response.Results ?? [])
            {
                if (byId.TryGetValue(result.Id, out var refs)
                    && result.Properties.TryGetValue(HubSpotPropertyBootstrapper.Version, out var text)
                    && ParseVersion(text) is { } version)
                {
                    foreach (var target in refs)
                    {
                        versions[target] = version;
                    }
                }
            }
        }

        return versions;
    }

    /// <summary>A marker value as HubSpot returns a number property ("42", "42.0"); null when blank or not a whole number.</summary>
    internal static long? ParseVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number) && number is >= long.MinValue and <= long.MaxValue
            ? (long)number
            : null;
    }

    /// <param name="batch">Updates with distinct targets, at most <see cref="BatchSize"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <param name="writeVersion">Whether each record also gets its update's version in <c>syncbridge_version</c>
    /// (off for operator moves, which carry no decision version).</param>
    internal async Task<IReadOnlyList<WriteResult>> WriteBatchAsync(IReadOnlyList<ContactUpdate> batch, CancellationToken cancellationToken, bool writeVersion = true)
    {
        var request = new HubSpotBatchInput<HubSpotObjectInput>(batch
            .Select(update => new HubSpotObjectInput(update.Target.Id, BodyOf(update, writeVersion)))
            .ToList());
        return await GuardAsync(batch, string.Empty, async () =>
        {
            var response = await _api.BatchUpdateAsync(_account.Paths.Objects, request, cancellationToken).ConfigureAwait(false);
            return Split(batch, response, update => update.Target.Id, result => result.Id);
        }).ConfigureAwait(false);
    }

    /// <summary>Creates or updates contacts by email (targets <c>email:&lt;address&gt;</c>), with the version marker.</summary>
    internal async Task<IReadOnlyList<WriteResult>> UpsertBatchAsync(IReadOnlyList<ContactUpdate> batch, CancellationToken cancellationToken)
    {
        var request = new HubSpotBatchInput<HubSpotObjectInput>(batch
            .Select(update =>
            {
                var email = HubSpotDecisionPropertyMap.EmailOf(update.Target)!;
                var properties = BodyOf(update, writeVersion: true);
                properties[HubSpotContactProperties.Email] = email;
                return new HubSpotObjectInput(email, properties) { IdProperty = HubSpotContactProperties.Email };
            })
            .ToList());
        return await GuardAsync(batch, "upsert ", async () =>
        {
            var response = await _api.BatchUpsertAsync(_account.Paths.Objects, request, cancellationToken).ConfigureAwait(false);
            var results = response.Results ?? [];
            var created = results.Count(result => result.New == true);
            Log.ContactsUpserted(_logger, _account.Name, created, results.Count - created);
            return Split(batch, response, update => HubSpotDecisionPropertyMap.EmailOf(update.Target)!, result => result.Properties.GetValueOrDefault(HubSpotContactProperties.Email)?.Trim().ToLowerInvariant());
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// One batch call, its failures turned into per-contact outcomes: a 400/404/409/422 rejects the whole batch (the
    /// CRM said no), any other HTTP error is transient, and so is a call that got no answer (transport failure,
    /// timeout, open circuit, daily limit): the writes may pass later.
    /// </summary>
    private async Task<IReadOnlyList<WriteResult>> GuardAsync(IReadOnlyList<ContactUpdate> batch, string operation, Func<Task<IReadOnlyList<WriteResult>>> write)
    {
        try
        {
            return await write().ConfigureAwait(false);
        }
        catch (ApiException exception) when (exception.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
        {
            var message = MessageOf(exception);
            Log.BatchFailed(_logger, _account.Name, batch.Count, operation + "rejected " + (int)exception.StatusCode);
            return batch.Select(update => new WriteResult(update, WriteOutcome.Rejected, message)).ToList();
        }
        catch (ApiException exception)
        {
            Log.BatchFailed(_logger, _account.Name, batch.Count, operation + "transient " + (int)exception.StatusCode);
            return Transient(batch, MessageOf(exception));
        }
        catch (ApiRequestException exception)
        {
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

    private static Dictionary<string, string> BodyOf(ContactUpdate update, bool writeVersion)
    {
        var properties = update.Properties.ToDictionary(pair => pair.Key, pair => pair.Value ?? string.Empty, StringComparer.Ordinal);
        if (writeVersion)
        {
            properties[HubSpotPropertyBootstrapper.Version] = update.Version.ToString(CultureInfo.InvariantCulture);
        }

        return properties;
    }

    private static string? Refuse(ContactUpdate update)
    {
        if (update.Target.System != SourceSystem.HubSpot)
        {
            return $"target {update.Target} is not a HubSpot record";
        }

        if (HubSpotDecisionPropertyMap.EmailOf(update.Target) is null && (update.Target.Id.Length == 0 || !update.Target.Id.All(char.IsAsciiDigit)))
        {
            return $"target id '{update.Target.Id}' is not a HubSpot object id";
        }

        var readOnly = update.Properties.Keys.FirstOrDefault(name => name.StartsWith(HubSpotContactProperties.ReadOnlyMarketablePrefix, StringComparison.OrdinalIgnoreCase));
        return readOnly is null
            ? null
            : $"property '{readOnly}' is read-only in HubSpot's API (marketing contact status is set by workflow from syncbridge_marketing_decision)";
    }

    private static List<WriteResult> Split(IReadOnlyList<ContactUpdate> batch, HubSpotBatchResponse response, Func<ContactUpdate, string> keyOf, Func<HubSpotObject, string?> resultKeyOf)
    {
        var failures = new Dictionary<string, (WriteOutcome Outcome, string Message)>(StringComparer.OrdinalIgnoreCase);
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

        var succeeded = new HashSet<string>((response.Results ?? []).Select(resultKeyOf).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        return batch.Select(update =>
        {
            var key = keyOf(update);
            if (failures.TryGetValue(key, out var failure))
            {
                return new WriteResult(update, failure.Outcome, failure.Message);
            }

            if (succeeded.Contains(key) || (unattributed is null && (response.NumErrors ?? 0) == 0))
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
