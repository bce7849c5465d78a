using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Sync.Updates;

/// <summary>
/// How a decision reads in one target system: the property names and values SyncBridge writes there (HubSpot's
/// <c>lifecyclestage</c> and <c>syncbridge_*</c> properties, Salesforce's write-back fields). Implemented by each
/// connector; the planner diffs its output against the last snapshot.
/// </summary>
public interface IDecisionPropertyMap
{
    SourceSystem System { get; }

    /// <summary>The properties for a record of <paramref name="objectType"/>; a property the connector does not write is absent.</summary>
    IReadOnlyDictionary<string, string> Map(PersonDecision decision, string objectType);

    /// <summary>
    /// The property of <paramref name="objectType"/> that carries the score, or null when this system gets none. Scores
    /// drift by the hour as engagement decays; the diff writes a score that only drifted once it moved
    /// <see cref="OutboxOptions.MinScoreChange"/> points since the last write, or with any other change of the record.
    /// </summary>
    string? ScoreProperty(string objectType) => null;
}
