using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Tests.Sync.Queue;

public sealed class UpdateMessageTests
{
    private static readonly SourceRef HubSpotContact = new(SourceSystem.HubSpot, "contact", "123");

    [Fact]
    public void ComputeMessageId_DocumentedLayout_MatchesIndependentlyComputedDigest()
    {
        // Expected values computed outside .NET (Python hashlib/struct) from the layout documented on ComputeMessageId:
        // per string a big-endian uint32 UTF-8 length then the bytes; then the version as big-endian int64.
        Assert.Equal(
            "e97ca285ae6c74e6769759ae7f3ac0cf08883e5b5267192d9e96ca2c4578dbf9",
            UpdateMessage.ComputeMessageId("p-1", HubSpotContact, 7));
        Assert.Equal(
            "0529408113f5f346c119205055ecdc62cdf8b3f1c28e0c3292be8565204c6af2",
            UpdateMessage.ComputeMessageId("personne-é", new SourceRef(SourceSystem.Salesforce, "Lead", "00Q5g00000AbCdE"), 1));
    }

    [Fact]
    public void Create_SamePersonTargetAndVersion_SameIdWhateverTheProperties()
    {
        var first = UpdateMessage.Create("p-1", HubSpotContact, new Dictionary<string, string> { ["a"] = "1" }, 7);
        var second = UpdateMessage.Create("p-1", HubSpotContact, new Dictionary<string, string> { ["b"] = "2" }, 7);

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(64, first.MessageId.Length);
        Assert.Matches("^[0-9a-f]{64}$", first.MessageId);
    }

    [Fact]
    public void Create_AnyIdentityFieldDiffers_IdDiffers()
    {
        var ids = new[]
        {
            UpdateMessage.ComputeMessageId("p-1", HubSpotContact, 7),
            UpdateMessage.ComputeMessageId("p-2", HubSpotContact, 7),
            UpdateMessage.ComputeMessageId("p-1", HubSpotContact with { System = SourceSystem.Salesforce }, 7),
            UpdateMessage.ComputeMessageId("p-1", HubSpotContact with { ObjectType = "company" }, 7),
            UpdateMessage.ComputeMessageId("p-1", HubSpotContact with { Id = "124" }, 7),
            UpdateMessage.ComputeMessageId("p-1", HubSpotContact, 8),
        };

        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ComputeMessageId_FieldBoundaryShifted_IdDiffers()
    {
        // Without length prefixes "ab"+"c" and "a"+"bc" would hash the same bytes.
        var left = UpdateMessage.ComputeMessageId("ab", new SourceRef(SourceSystem.HubSpot, "c", "1"), 1);
        var right = UpdateMessage.ComputeMessageId("a", new SourceRef(SourceSystem.HubSpot, "bc", "1"), 1);

        Assert.NotEqual(left, right);
    }

    [Fact]
    public void Create_PropertiesGiven_CopiedSoLaterChangesDoNotLeakIn()
    {
        var properties = new Dictionary<string, string> { ["lifecyclestage"] = "lead", ["jobtitle"] = string.Empty };
        var message = UpdateMessage.Create("p-1", HubSpotContact, properties, 3);
        properties["lifecyclestage"] = "customer";

        Assert.Equal("lead", message.Properties["lifecyclestage"]);
        Assert.Equal(string.Empty, message.Properties["jobtitle"]);
        Assert.Equal(UpdateMessage.CurrentSchemaVersion, message.SchemaVersion);
    }

    [Theory]
    [InlineData("", "contact", "123", 1)]
    [InlineData("p-1", "contact", "", 1)]
    [InlineData("p-1", "contact", "123", 0)]
    public void Create_InvalidInput_Throws(string personKey, string objectType, string id, long version)
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            UpdateMessage.Create(personKey, new SourceRef(SourceSystem.HubSpot, objectType, id), new Dictionary<string, string>(), version));
    }

    [Fact]
    public void Create_UnknownSystem_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            UpdateMessage.Create("p-1", new SourceRef(SourceSystem.Unknown, "contact", "1"), new Dictionary<string, string>(), 1));

        Assert.Contains("system", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BlankPropertyName_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            UpdateMessage.Create("p-1", HubSpotContact, new Dictionary<string, string> { [" "] = "x" }, 1));
    }
}
