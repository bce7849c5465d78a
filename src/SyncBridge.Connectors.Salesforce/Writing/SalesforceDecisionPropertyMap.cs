using System.Globalization;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Mapping;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Connectors.Salesforce.Writing;

/// <summary>
/// A decision as the sink's write-back keys (<see cref="SalesforceWriteBackKeys"/>), which the sink translates to the
/// configured Lead / Contact fields. A key whose field is switched off (blank) is absent. Values are the ones the
/// sink accepts: the stage's wire name, an invariant score with two decimals, <c>true</c>/<c>false</c>,
/// <c>marketing</c>/<c>non_marketing</c>. Pure: the same decision and settings give the same strings.
/// </summary>
internal sealed class SalesforceDecisionPropertyMap(IOptions<SalesforceOptions> options) : IDecisionPropertyMap
{
    public SourceSystem System => SourceSystem.Salesforce;

    public IReadOnlyDictionary<string, string> Map(PersonDecision decision, string objectType)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!SalesforceObjectTypes.IsSupported(objectType))
        {
            return properties;
        }

        var writeBack = options.Value.WriteBack;
        if (IsOn(writeBack.LifecycleStageField) && Enum.IsDefined(decision.Stage))
        {
            properties[SalesforceWriteBackKeys.LifecycleStage] = decision.Stage.ToWireName();
        }

        if (IsOn(writeBack.ScoreField) && decision.ScoreText is { } score)
        {
            properties[SalesforceWriteBackKeys.Score] = score;
        }

        if (IsOn(writeBack.HotLeadField))
        {
            properties[SalesforceWriteBackKeys.HotLead] = decision.Hot ? "true" : "false";
        }

        if (IsOn(writeBack.MarketingDecisionField))
        {
            properties[SalesforceWriteBackKeys.MarketingDecision] = decision.Marketing.ToWireName();
        }

        return properties;
    }

    public string? ScoreProperty(string objectType) =>
        SalesforceObjectTypes.IsSupported(objectType) && IsOn(options.Value.WriteBack.ScoreField) ? SalesforceWriteBackKeys.Score : null;

    private static bool IsOn(string? field) => !string.IsNullOrWhiteSpace(field);
}
