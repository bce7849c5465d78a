using SyncBridge.Connectors.HubSpot.Api;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// Maps a HubSpot contact to the canonical contact: the common fields go through Core's normalizer, the
/// HubSpot-only ones (lifecycle stage, consent from the email-status properties, marketing status, provenance)
/// are set here.
/// </summary>
internal sealed class HubSpotContactMapper(ContactNormalizer normalizer)
{
    private const string SourceName = "hubspot";
    internal const string ObjectType = "contact";

    private static readonly (string Canonical, string HubSpot)[] ProvenanceMap =
    [
        (ContactProperties.FamilyName, HubSpotContactProperties.LastName),
        (ContactProperties.GivenName, HubSpotContactProperties.FirstName),
        (ContactProperties.Email, HubSpotContactProperties.Email),
        (ContactProperties.Phone, HubSpotContactProperties.Phone),
        (ContactProperties.Mobile, HubSpotContactProperties.Mobile),
        (ContactProperties.Title, HubSpotContactProperties.JobTitle),
        (ContactProperties.Department, HubSpotContactProperties.Department),
        (ContactProperties.Country, HubSpotContactProperties.Country),
        (ContactProperties.CompanyName, HubSpotContactProperties.Company),
        (ContactProperties.CompanyDomain, HubSpotContactProperties.Website),
        (ContactProperties.Industry, HubSpotContactProperties.Industry),
        (ContactProperties.EmployeeCount, HubSpotContactProperties.EmployeeCount),
        (ContactProperties.LifecycleStage, HubSpotContactProperties.LifecycleStage),
        (ContactProperties.UnsubscribedFromAll, HubSpotContactProperties.EmailOptOut),
        (ContactProperties.HardBounced, HubSpotContactProperties.HardBounceReason),
        (ContactProperties.ConsentState, HubSpotContactProperties.LegalBasis),
    ];

    public static RawContactRecord ToRaw(HubSpotContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RawContactRecord
        {
            System = SourceSystem.HubSpot,
            SourceName = SourceName,
            SourceId = record.Id,
            ObjectType = ObjectType,
            Email = record.Get(HubSpotContactProperties.Email) ?? string.Empty,
            FirstName = record.Get(HubSpotContactProperties.FirstName) ?? string.Empty,
            LastName = record.Get(HubSpotContactProperties.LastName) ?? string.Empty,
            Phone = record.Get(HubSpotContactProperties.Phone) ?? string.Empty,
            Mobile = record.Get(HubSpotContactProperties.Mobile) ?? string.Empty,
            Company = record.Get(HubSpotContactProperties.Company) ?? string.Empty,
            Website = record.Get(HubSpotContactProperties.Website) ?? string.Empty,
            Title = record.Get(HubSpotContactProperties.JobTitle) ?? string.Empty,
            Department = record.Get(HubSpotContactProperties.Department) ?? string.Empty,
            Country = record.Get(HubSpotContactProperties.Country) ?? string.Empty,
        };
    }

    public CanonicalContact Map(HubSpotContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var source = new SourceRef(SourceSystem.HubSpot, ObjectType, record.Id);
        var normalized = normalizer.Normalize(ToRaw(record));
        return normalized with
        {
            Source = source,
            Identities = normalized.Identities.Count > 0 ? normalized.Identities : [source],
            LifecycleStage = LifecycleStageNames.TryParse(record.Get(HubSpotContactProperties.LifecycleStage), out var stage) ? stage : null,
            Consent = ReadConsent(record),
            HubSpotMarketable = ParseBool(record.Get(HubSpotContactProperties.MarketableStatus)),
            Activities = ReadEngagement(record),
            LastVisitAt = ParseTime(record.Get(HubSpotContactProperties.LastVisit)),
            SourceModifiedAt = record.LastModified,
            Provenance = ReadProvenance(record),
        };
    }

    internal static Consent ReadConsent(HubSpotContactRecord record)
    {
        var bounceReason = record.Get(HubSpotContactProperties.HardBounceReason)?.Trim() ?? string.Empty;
        var badAddress = ParseBool(record.Get(HubSpotContactProperties.BadAddress));
        var quarantined = ParseBool(record.Get(HubSpotContactProperties.Quarantined));
        bool? hardBounced = bounceReason.Length > 0 || badAddress == true
            ? true
            : record.Properties.ContainsKey(HubSpotContactProperties.HardBounceReason) || badAddress is not null ? false : null;
        if (quarantined == true && bounceReason.Length == 0)
        {
            bounceReason = "QUARANTINED";
        }

        var lawfulBasis = record.Get(HubSpotContactProperties.LegalBasis)?.Trim() ?? string.Empty;
        return new Consent
        {
            UnsubscribedFromAll = ParseBool(record.Get(HubSpotContactProperties.EmailOptOut)),
            HardBounced = hardBounced,
            BounceReason = bounceReason,
            LawfulBasis = lawfulBasis,
            State = lawfulBasis.Length == 0 ? ConsentState.Unknown : ConsentState.Granted,
        };
    }

    /// <summary>
    /// HubSpot's engagement roll-ups as activities: the last marketing email open and click, and the most recent
    /// conversion (form submission) with its event name. HubSpot keeps only the latest of each on the contact.
    /// </summary>
    internal static IReadOnlyList<Activity> ReadEngagement(HubSpotContactRecord record)
    {
        var activities = new List<Activity>(3);
        if (ParseTime(record.Get(HubSpotContactProperties.LastEmailOpen)) is { } opened)
        {
            activities.Add(new Activity(ActivityType.EmailOpen, opened));
        }

        if (ParseTime(record.Get(HubSpotContactProperties.LastEmailClick)) is { } clicked)
        {
            activities.Add(new Activity(ActivityType.EmailClick, clicked));
        }

        if (ParseTime(record.Get(HubSpotContactProperties.RecentConversion)) is { } converted)
        {
            var form = record.Get(HubSpotContactProperties.RecentConversionEvent)?.Trim() ?? string.Empty;
            activities.Add(new Activity(ConversionType(form), converted, form));
        }

        activities.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return activities;
    }

    /// <summary>A conversion on a form named for a demo or pricing request is that high-intent action; any other is a form submission.</summary>
    internal static ActivityType ConversionType(string formName) =>
        formName.Contains("demo", StringComparison.OrdinalIgnoreCase) ? ActivityType.DemoRequest
        : formName.Contains("pricing", StringComparison.OrdinalIgnoreCase) ? ActivityType.PricingInquiry
        : ActivityType.FormSubmission;

    /// <summary>A HubSpot datetime property: ISO-8601, or milliseconds since the epoch (older properties).</summary>
    internal static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var millis))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(millis);
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    internal static bool? ParseBool(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "YES" or "1" or "MARKETABLE" => true,
        "FALSE" or "NO" or "0" or "NON_MARKETABLE" => false,
        _ => null,
    };

    private static Dictionary<string, PropertyProvenance> ReadProvenance(HubSpotContactRecord record)
    {
        var provenance = new Dictionary<string, PropertyProvenance>(StringComparer.Ordinal);
        foreach (var (canonical, hubSpot) in ProvenanceMap)
        {
            if (!string.IsNullOrWhiteSpace(record.Get(hubSpot)))
            {
                provenance[canonical] = new PropertyProvenance(SourceSystem.HubSpot, record.LastModified);
            }
        }

        return provenance;
    }
}
