using System.Globalization;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Core.Tests.Sync.Updates.Fakes;

/// <summary>
/// A property map for tests: stage, marketing status and score; a Salesforce <c>Lead</c> has no marketing property
/// (so object types can differ).
/// </summary>
internal sealed class TestPropertyMap(SourceSystem system, string? scoreProperty = null) : IDecisionPropertyMap
{
    public SourceSystem System { get; } = system;

    /// <summary>The score property when the test names one (<c>score</c>); none by default, as a map may have none.</summary>
    public string? ScoreProperty(string objectType) => scoreProperty;

    public IReadOnlyDictionary<string, string> Map(PersonDecision decision, string objectType)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["stage"] = decision.Stage.ToString(),
            ["score"] = decision.Score.ToString("0.##", CultureInfo.InvariantCulture),
        };
        if (!string.Equals(objectType, "Lead", StringComparison.Ordinal))
        {
            properties["marketing"] = decision.Marketing.ToWireName();
        }

        return properties;
    }
}
