using System.Text;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Tests.Messages;

/// <summary>
/// The body every transport carries (embedded queue and Service Bus alike). A schema-1 document written by hand, as
/// another producer or an older build would send it, must keep reading the same way.
/// </summary>
public sealed class UpdateMessageWireContractTests
{
    // The messageId is SHA-256 over the documented layout of ("p-7", hubspot, contact, "901", 3), computed outside .NET.
    private const string SchemaOneDocument = """
        {
          "schema": 1,
          "messageId": "b3cd80ce9c1a057ee6072df10dbe0a115972522f2c9b0efdde481878e4c9ac4a",
          "personKey": "p-7",
          "target": { "system": "hubspot", "objectType": "contact", "id": "901" },
          "version": 3,
          "properties": { "lifecyclestage": "marketingqualifiedlead", "syncbridge_marketing_decision": "marketing", "jobtitle": "" },
          "addedByALaterMinorVersion": true
        }
        """;

    [Fact]
    public void Deserialize_HandWrittenSchemaOneDocument_ReadsEveryField()
    {
        var message = UpdateMessageSerializer.Deserialize(Encoding.UTF8.GetBytes(SchemaOneDocument));

        Assert.Equal("p-7", message.PersonKey);
        Assert.Equal(new SourceRef(SourceSystem.HubSpot, "contact", "901"), message.Target);
        Assert.Equal(3, message.Version);
        Assert.Equal("marketingqualifiedlead", message.Properties["lifecyclestage"]);
        Assert.Equal("marketing", message.Properties["syncbridge_marketing_decision"]);
        Assert.Equal(string.Empty, message.Properties["jobtitle"]);
    }

    [Fact]
    public void Serialize_SameMessage_ReadsBackToTheSameIdAsTheHandWrittenDocument()
    {
        var created = UpdateMessage.Create(
            "p-7",
            new SourceRef(SourceSystem.HubSpot, "contact", "901"),
            new Dictionary<string, string> { ["lifecyclestage"] = "marketingqualifiedlead" },
            3);

        var copy = UpdateMessageSerializer.Deserialize(UpdateMessageSerializer.Serialize(created));

        Assert.Equal(UpdateMessageSerializer.Deserialize(Encoding.UTF8.GetBytes(SchemaOneDocument)).MessageId, copy.MessageId);
        Assert.Equal(created.MessageId, copy.MessageId);
    }
}
