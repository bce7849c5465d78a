using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Connectors.HubSpot.Http;
using SyncBridge.Connectors.HubSpot.Logging;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// Reads HubSpot form submissions as canonical contacts (source <c>hubspot:forms</c>): the configured forms, or every
/// form the Forms API lists. The submissions API pages newest first, so each form is read until a page reaches back
/// before the cursor; the new submissions of all forms are then delivered oldest first, in pages whose cursor is the
/// (submittedAt, id) of their last submission. A submission without a usable email is a record error naming its
/// form, page and position. Throws <see cref="HubSpotDailyLimitReachedException"/> when the account's daily quota is spent.
/// </summary>
public sealed class HubSpotFormSubmissionSource : IContactSource
{
    private const int FormListPageSize = 100;

    private readonly IHubSpotFormsApi _api;
    private readonly HubSpotAccountContext _account;
    private readonly HubSpotFormSubmissionMapper _mapper;
    private readonly ILogger<HubSpotFormSubmissionSource> _logger;

    internal HubSpotFormSubmissionSource(IHubSpotFormsApi api, HubSpotAccountContext account, HubSpotFormSubmissionMapper mapper, ILogger<HubSpotFormSubmissionSource> logger)
    {
        _api = api;
        _account = account;
        _mapper = mapper;
        _logger = logger;
        Name = string.Equals(account.Name, "default", StringComparison.Ordinal) ? "hubspot:forms" : $"hubspot:{account.Name}:forms";
    }

    public string Name { get; }

    public IAsyncEnumerable<ContactPage> ReadChangesAsync(SourceCursor? since, CancellationToken cancellationToken)
    {
        _account.DailyGate.ThrowIfBlocked();
        return ReadAsync(since, cancellationToken);
    }

    private async IAsyncEnumerable<ContactPage> ReadAsync(SourceCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var forms = await FormsAsync(cancellationToken).ConfigureAwait(false);
        var fresh = new List<(long At, string Id, string Form, string Location, HubSpotFormSubmission Submission)>();
        foreach (var form in forms)
        {
            await ReadFormAsync(form, since, fresh, cancellationToken).ConfigureAwait(false);
        }

        Log.FormSubmissionsRead(_logger, Name, fresh.Count, forms.Count);
        fresh.Sort(static (a, b) =>
        {
            var byTime = a.At.CompareTo(b.At);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
        });

        foreach (var chunk in fresh.Chunk(_account.Options.PageSize))
        {
            var contacts = new List<CanonicalContact>(chunk.Length);
            var errors = new List<RecordError>();
            foreach (var (_, id, form, location, submission) in chunk)
            {
                if (_mapper.TryMap(form, id, submission, out var contact, out var reason))
                {
                    contacts.Add(contact!);
                }
                else
                {
                    Log.RecordSkipped(_logger, Name, location, reason);
                    errors.Add(new RecordError(Name, location, reason));
                }
            }

            var last = chunk[^1];
            yield return new ContactPage(contacts, [], errors, new SourceCursor(DateTimeOffset.FromUnixTimeMilliseconds(last.At), last.Id));
        }
    }

    private async Task ReadFormAsync(string form, SourceCursor? since, List<(long, string, string, string, HubSpotFormSubmission)> fresh, CancellationToken cancellationToken)
    {
        var floor = since?.Timestamp.ToUnixTimeMilliseconds();
        string? after = null;
        var pageNumber = 0;
        while (true)
        {
            pageNumber++;
            var page = await HubSpotCall.RunAsync(_api.GetSubmissionsAsync(form, _account.Options.FormPageSize, after, cancellationToken)).ConfigureAwait(false);
            var results = page.Results ?? [];
            var reachedCursor = false;
            for (var i = 0; i < results.Count; i++)
            {
                var submission = results[i];
                var id = HubSpotFormSubmissionMapper.IdOf(form, submission);
                if (since is null || since.IsBefore(DateTimeOffset.FromUnixTimeMilliseconds(submission.SubmittedAt), id))
                {
                    fresh.Add((submission.SubmittedAt, id, form, $"form {form} page {pageNumber} submission {i}", submission));
                }

                // Newest first: a submission older than the cursor's instant means every later page is older still.
                reachedCursor |= floor is { } at && submission.SubmittedAt < at;
            }

            var next = page.Paging?.Next?.After;
            if (reachedCursor || string.IsNullOrEmpty(next))
            {
                return;
            }

            if (string.Equals(next, after, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"HubSpot returned the same paging token '{next}' twice for form {form}; stopping instead of looping.");
            }

            after = next;
        }
    }

    private async Task<IReadOnlyList<string>> FormsAsync(CancellationToken cancellationToken)
    {
        var configured = _account.Options.Forms.Where(form => !string.IsNullOrWhiteSpace(form)).Select(form => form.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (configured.Count > 0)
        {
            return configured;
        }

        var forms = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await HubSpotCall.RunAsync(_api.ListFormsAsync(FormListPageSize, after, cancellationToken)).ConfigureAwait(false);
            forms.AddRange((page.Results ?? []).Where(form => !form.Archived && !string.IsNullOrWhiteSpace(form.Id)).Select(form => form.Id!));
            var next = page.Paging?.Next?.After;
            if (string.IsNullOrEmpty(next) || string.Equals(next, after, StringComparison.Ordinal))
            {
                return forms.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            }

            after = next;
        }
    }
}
