using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Storage.Tests.Sqlite;

/// <summary>Builds decisions, change sets and targets for the outbox and ledger tests.</summary>
internal static class ChangeSets
{
    public static SourceRef HubSpot(string id) => new(SourceSystem.HubSpot, "contact", id);

    public static SourceRef Lead(string id) => new(SourceSystem.Salesforce, "Lead", id);

    public static DecisionRecord Decision(string personId, LifecycleStage stage = LifecycleStage.Lead, double score = 42.5) =>
        new(personId, stage, MarketingStatus.Marketing, "engaged_recently", score, Hot: false, StoreFactory.Start, "{\"rules\":[\"engaged\"]}");

    /// <summary>A change of <paramref name="target"/> where every snapshot property also changed.</summary>
    public static TargetChange Change(SourceRef target, params (string Name, string Value)[] properties)
    {
        var map = properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return new TargetChange(target, map, map);
    }

    /// <summary>A target whose snapshot is unchanged (nothing to send).</summary>
    public static TargetChange Unchanged(SourceRef target, params (string Name, string Value)[] properties) =>
        new(target, properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));

    public static PersonChangeSet Set(string personId, params TargetChange[] changes) => new(Decision(personId), changes);
}
