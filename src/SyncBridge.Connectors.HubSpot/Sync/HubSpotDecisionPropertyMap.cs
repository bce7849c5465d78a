using System.Globalization;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Connectors.HubSpot.Sync;

/// <summary>
/// A decision as HubSpot contact properties: <c>lifecyclestage</c> (HubSpot's internal stage value) and SyncBridge's
/// own <c>syncbridge_*</c> properties. Never <c>hs_marketable_status</c>: HubSpot's API cannot write it (a workflow
/// sets it from <c>syncbridge_marketing_decision</c>). Pure: the same decision gives the same strings.
/// </summary>
internal sealed class HubSpotDecisionPropertyMap : IDecisionPropertyMap
{
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
}
