using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// Maps a form submission to a canonical contact of system <see cref="SourceSystem.Form"/> (a submission is not a
/// HubSpot record SyncBridge writes to): the contact fields through Core's normalizer, plus the submission itself as
/// a <see cref="ActivityType.FormSubmission"/> activity with its page URL and time.
/// </summary>
internal sealed class HubSpotFormSubmissionMapper(ContactNormalizer normalizer)
{
    internal const string SourceName = "hubspot-forms";
    internal const string ObjectType = "submission";

    /// <summary>The submission's id: HubSpot's conversion id, or (form, time, a hash of its values) when it has none.</summary>
    public static string IdOf(string form, HubSpotFormSubmission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!string.IsNullOrWhiteSpace(submission.ConversionId))
        {
            return submission.ConversionId.Trim();
        }

        var values = string.Join('\n', (submission.Values ?? []).Select(value => value.Name + "=" + value.Value));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(values)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{form}:{submission.SubmittedAt}:{hash}");
    }

    public bool TryMap(string form, string id, HubSpotFormSubmission submission, out CanonicalContact? contact, out string reason)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var raw = new RawContactRecord
        {
            System = SourceSystem.Form,
            SourceName = SourceName,
            SourceId = id,
            ObjectType = ObjectType,
            Email = Value(submission, HubSpotContactProperties.Email),
            FirstName = Value(submission, HubSpotContactProperties.FirstName),
            LastName = Value(submission, HubSpotContactProperties.LastName),
            Phone = Value(submission, HubSpotContactProperties.Phone),
            Mobile = Value(submission, HubSpotContactProperties.Mobile),
            Company = Value(submission, HubSpotContactProperties.Company),
            Website = Value(submission, HubSpotContactProperties.Website),
            Title = Value(submission, HubSpotContactProperties.JobTitle),
            Department = Value(submission, HubSpotContactProperties.Department),
            Country = Value(submission, HubSpotContactProperties.Country),
        };

        CanonicalContact normalized;
        try
        {
            normalized = normalizer.Normalize(raw);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            // The exception's text may quote the submission's values: report only its kind.
            contact = null;
            reason = $"could not be mapped to a canonical contact ({exception.GetType().Name})";
            return false;
        }

        if (!normalized.Email.IsValid)
        {
            contact = null;
            reason = normalized.Email.IsEmpty ? "submission has no email" : "submission's email is not a usable address";
            return false;
        }

        var submittedAt = DateTimeOffset.FromUnixTimeMilliseconds(submission.SubmittedAt);
        contact = normalized with
        {
            Activities = [new Activity(ActivityType.FormSubmission, submittedAt, submission.PageUrl ?? string.Empty) { Notes = "form " + form }],
            SourceModifiedAt = submittedAt,
            Provenance = Provenance(normalized, submittedAt),
        };
        reason = string.Empty;
        return true;
    }

    private static string Value(HubSpotFormSubmission submission, string name) =>
        (submission.Values ?? []).LastOrDefault(value => string.Equals(value.Name, name, StringComparison.OrdinalIgnoreCase))?.Value ?? string.Empty;

    private static Dictionary<string, PropertyProvenance> Provenance(CanonicalContact contact, DateTimeOffset at)
    {
        var provenance = new Dictionary<string, PropertyProvenance>(StringComparer.Ordinal);
        void Add(string property, bool present)
        {
            if (present)
            {
                provenance[property] = new PropertyProvenance(SourceSystem.Form, at);
            }
        }

        Add(ContactProperties.Email, !contact.Email.IsEmpty);
        Add(ContactProperties.GivenName, contact.GivenName.Length > 0);
        Add(ContactProperties.FamilyName, contact.FamilyName.Length > 0);
        Add(ContactProperties.CompanyName, contact.Company.Name.Length > 0);
        Add(ContactProperties.Title, contact.Title.Length > 0);
        return provenance;
    }
}
