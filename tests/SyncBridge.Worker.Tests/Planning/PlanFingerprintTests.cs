using SyncBridge.Core.Contacts;
using SyncBridge.Worker.Planning;

namespace SyncBridge.Worker.Tests.Planning;

public sealed class PlanFingerprintTests
{
    private static readonly SourceRef HubSpotContact = new(SourceSystem.HubSpot, "contact", "1001");
    private static readonly SourceRef SalesforceLead = new(SourceSystem.Salesforce, "Lead", "00QSim000000000001");

    [Fact]
    public void HashSnapshots_TargetsInAnotherOrder_GivesTheSameHash()
    {
        var snapshots = Snapshots(("lifecyclestage", "lead"));

        Assert.Equal(
            PlanFingerprint.HashSnapshots([HubSpotContact, SalesforceLead], snapshots),
            PlanFingerprint.HashSnapshots([SalesforceLead, HubSpotContact, HubSpotContact], snapshots));
    }

    [Fact]
    public void HashSnapshots_OneValueChanged_GivesAnotherHash()
    {
        Assert.NotEqual(
            PlanFingerprint.HashSnapshots([HubSpotContact, SalesforceLead], Snapshots(("lifecyclestage", "lead"))),
            PlanFingerprint.HashSnapshots([HubSpotContact, SalesforceLead], Snapshots(("lifecyclestage", "marketingqualifiedlead"))));
    }

    [Fact]
    public void HashSnapshots_NeverWrittenAndWrittenEmpty_GiveDifferentHashes()
    {
        var empty = new Dictionary<SourceRef, IReadOnlyDictionary<string, string>> { [HubSpotContact] = new Dictionary<string, string>() };

        Assert.NotEqual(
            PlanFingerprint.HashSnapshots([HubSpotContact], new Dictionary<SourceRef, IReadOnlyDictionary<string, string>>()),
            PlanFingerprint.HashSnapshots([HubSpotContact], empty));
    }

    [Fact]
    public void HashSnapshots_NameAndValueBoundaryMoved_GivesAnotherHash()
    {
        Assert.NotEqual(
            PlanFingerprint.HashSnapshots([HubSpotContact], Snapshots(("ab", "c"))),
            PlanFingerprint.HashSnapshots([HubSpotContact], Snapshots(("a", "bc"))));
    }

    private static Dictionary<SourceRef, IReadOnlyDictionary<string, string>> Snapshots(params (string Name, string Value)[] hubSpot) => new()
    {
        [HubSpotContact] = hubSpot.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        [SalesforceLead] = new Dictionary<string, string> { ["lifecycle_stage"] = "lead" },
    };
}
