using System.Globalization;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// A decision as HubSpot contact properties: <c>lifecyclestage</c> (HubSpot's internal stage value) and SyncBridge's
/// own <c>syncbridge_*</c> properties. Never <c>hs_marketable_status</c>: HubSpot's API cannot write it (a workflow
/// sets it from <c>syncbridge_marketing_decision</c>). Pure: the same decision gives the same strings.
/// A person known only from imports (CSV files, the drop folder) with a usable email gets a contact to create:
/// target <c>email:&lt;normalized email&gt;</c>, which the sink writes by batch upsert on email.
/// </summary>
internal sealed class HubSpotDecisionPropertyMap : IDecisionPropertyMap, IDecisionTargetCreator
{
    /// <summary>Prefix of the target id of a contact to create by upsert on email.</summary>
    public const string EmailTargetPrefix = "email:";

    /// <summary>Separator of the reason codes and segment names.</summary>
    public const string ListSeparator = ";";

    public SourceSystem System => SourceSystem.HubSpot;

    public IReadOnlyDictionary<string, string> Map(PersonDecision decision, string objectType)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.Equals(objectType, HubSpotContactMapper.ObjectType, StringComparison.OrdinalIgnoreCase))
        {
            return properties;
        }

        if (Enum.IsDefined(decision.Stage))
        {
            properties[HubSpotContactProperties.LifecycleStage] = decision.Stage.ToWireName();
        }

        properties[HubSpotPropertyBootstrapper.MarketingDecision] = decision.Marketing.ToWireName();
        properties[HubSpotPropertyBootstrapper.MarketingReason] = string.Join(ListSeparator, decision.Reasons.ToCodes());
        if (decision.ScoreText is { } score)
        {
            properties[HubSpotPropertyBootstrapper.Score] = score;
        }

        properties[HubSpotPropertyBootstrapper.HotLead] = decision.Hot ? "true" : "false";
        properties[HubSpotPropertyBootstrapper.Segments] = string.Join(ListSeparator, decision.Segments.Names);
        return properties;
    }

    public string? ScoreProperty(string objectType) =>
        string.Equals(objectType, HubSpotContactMapper.ObjectType, StringComparison.OrdinalIgnoreCase) ? HubSpotPropertyBootstrapper.Score : null;

    public SourceRef? CreateTarget(PersonDecision decision, IReadOnlyList<SourceRef> records)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(records);

        // Only people whose every record comes from an import: a CRM or form record means HubSpot has (or will have) them.
        if (records.Count == 0 || records.Any(record => record.System is not (SourceSystem.Csv or SourceSystem.Unknown)))
        {
            return null;
        }

        var unusable = MarketingReasons.NoEmail | MarketingReasons.InvalidEmail;
        var email = decision.Email.Trim();
        if (((decision.Reasons | decision.CandidateReasons) & unusable) != 0 || !IsUsableEmail(email))
        {
            return null;
        }

        return new SourceRef(SourceSystem.HubSpot, HubSpotContactMapper.ObjectType, EmailTargetPrefix + email.ToLowerInvariant());
    }

    /// <summary>The email of a target to create by upsert, or null when the target is an existing contact id.</summary>
    public static string? EmailOf(SourceRef target) =>
        target.Id.StartsWith(EmailTargetPrefix, StringComparison.Ordinal) && target.Id.Length > EmailTargetPrefix.Length
            ? target.Id[EmailTargetPrefix.Length..]
            : null;

    private static bool IsUsableEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
