using System.Text;
using System.Text.Json;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Core.Tests.Sync.Queue;

public sealed class UpdateMessageSerializerTests
{
    private static readonly UpdateMessage Sample = UpdateMessage.Create(
        "p-42",
        new SourceRef(SourceSystem.Salesforce, "Lead", "00Q5g00000AbCdE"),
        new Dictionary<string, string>
        {
            ["Status"] = "Working - Contacted",
            ["Title"] = string.Empty,
            ["syncbridge_marketing_reason"] = "engaged \"recently\" – ünïcode",
        },
        12);

    [Fact]
    public void Deserialize_SerializedMessage_RoundTripsEveryField()
    {
        var copy = UpdateMessageSerializer.Deserialize(UpdateMessageSerializer.Serialize(Sample));

        Assert.Equal(Sample.MessageId, copy.MessageId);
        Assert.Equal(Sample.PersonKey, copy.PersonKey);
        Assert.Equal(Sample.Target, copy.Target);
        Assert.Equal(Sample.Version, copy.Version);
        Assert.Equal(Sample.SchemaVersion, copy.SchemaVersion);
        Assert.Equal(Sample.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), copy.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Serialize_Message_WritesSchemaOneAndNamedFields()
    {
        using var json = JsonDocument.Parse(UpdateMessageSerializer.Serialize(Sample));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal(Sample.MessageId, root.GetProperty("messageId").GetString());
        Assert.Equal("p-42", root.GetProperty("personKey").GetString());
        Assert.Equal("salesforce", root.GetProperty("target").GetProperty("system").GetString());
        Assert.Equal("Lead", root.GetProperty("target").GetProperty("objectType").GetString());
        Assert.Equal("00Q5g00000AbCdE", root.GetProperty("target").GetProperty("id").GetString());
        Assert.Equal(12, root.GetProperty("version").GetInt64());
        Assert.Equal(string.Empty, root.GetProperty("properties").GetProperty("Title").GetString());
    }

    [Fact]
    public void Constants_SubjectAndContentType_NameTheMessageType()
    {
        Assert.Equal("application/json", UpdateMessage.ContentType);
        Assert.StartsWith("syncbridge.contact-update.v", UpdateMessage.Subject, StringComparison.Ordinal);
        Assert.EndsWith(UpdateMessage.CurrentSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), UpdateMessage.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NullPropertyValue_ReadAsClear()
    {
        var body = Body(Sample.MessageId, properties: """{"Title":null}""");

        var message = UpdateMessageSerializer.Deserialize(body);

        Assert.Equal(string.Empty, message.Properties["Title"]);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("null", "JSON null")]
    [InlineData("""{"schema":"one"}""", "$.schema")]
    public void Deserialize_NotAMessage_ThrowsNamingTheProblem(string text, string expected)
    {
        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(Encoding.UTF8.GetBytes(text)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("messageId")]
    [InlineData("personKey")]
    [InlineData("target")]
    [InlineData("version")]
    [InlineData("properties")]
    public void Deserialize_FieldMissing_ThrowsNamingTheField(string field)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(UpdateMessageSerializer.Serialize(Sample))!.AsObject();
        node.Remove(field);

        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("system", "target.system")]
    [InlineData("objectType", "target.objectType")]
    [InlineData("id", "target.id")]
    public void Deserialize_TargetFieldMissing_ThrowsNamingTheField(string field, string expected)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(UpdateMessageSerializer.Serialize(Sample))!.AsObject();
        node["target"]!.AsObject().Remove(field);

        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(Encoding.UTF8.GetBytes(node.ToJsonString())));

        Assert.Contains($"'{expected}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnsupportedSchema_ThrowsNamingTheSchema()
    {
        var body = Body(Sample.MessageId, schema: 2);

        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(body));

        Assert.Contains("'schema' is 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownSystem_ThrowsNamingTheValue()
    {
        var body = Body(Sample.MessageId, system: "pipedrive");

        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(body));

        Assert.Contains("'target.system' is 'pipedrive'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_VersionBelowOne_ThrowsNamingTheVersion()
    {
        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(Body(Sample.MessageId, version: 0)));

        Assert.Contains("'version' is 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MessageIdDoesNotMatchContent_Throws()
    {
        var tampered = Body(Sample.MessageId, version: 13);

        var error = Assert.Throws<UpdateMessageFormatException>(() => UpdateMessageSerializer.Deserialize(tampered));

        Assert.Contains("'messageId'", error.Message, StringComparison.Ordinal);
        Assert.Contains(UpdateMessage.ComputeMessageId("p-42", Sample.Target, 13), error.Message, StringComparison.Ordinal);
    }

    private static byte[] Body(string messageId, int schema = 1, string system = "salesforce", long version = 12, string properties = """{"Status":"Working"}""") =>
        Encoding.UTF8.GetBytes($$"""
            {"schema":{{schema}},"messageId":"{{messageId}}","personKey":"p-42",
             "target":{"system":"{{system}}","objectType":"Lead","id":"00Q5g00000AbCdE"},
             "version":{{version}},"properties":{{properties}}}
            """);
}
