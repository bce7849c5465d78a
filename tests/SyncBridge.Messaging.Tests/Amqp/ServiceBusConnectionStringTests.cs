using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class ServiceBusConnectionStringTests
{
    private const string Key = "ab+cd/ef==";

    [Fact]
    public void Parse_ServiceBusString_ReadsEveryPart()
    {
        var parsed = ServiceBusConnectionString.Parse(
            $"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=send-listen;SharedAccessKey={Key};EntityPath=updates");

        Assert.Equal("contoso.servicebus.windows.net", parsed.Host);
        Assert.Equal(5671, parsed.Port);
        Assert.True(parsed.UseTls);
        Assert.Equal("send-listen", parsed.SharedAccessKeyName);
        Assert.Equal(Key, parsed.SharedAccessKey);
        Assert.Equal("updates", parsed.EntityPath);
        Assert.Equal("sb://contoso.servicebus.windows.net/updates", parsed.ResourceUri("updates"));
    }

    [Theory]
    [InlineData("endpoint=sb://ns.servicebus.windows.net/;sharedaccesskeyname=rule;sharedaccesskey=ab+cd/ef==")]
    [InlineData("SharedAccessKey=ab+cd/ef==;ENDPOINT=sb://ns.servicebus.windows.net/;SharedAccessKeyName=rule;")]
    [InlineData(" SharedAccessKeyName = rule ; SharedAccessKey=ab+cd/ef== ; Endpoint=sb://ns.servicebus.windows.net ;;")]
    public void Parse_KeysInAnyCaseOrderAndSpacing_ReadsTheSameParts(string text)
    {
        var parsed = ServiceBusConnectionString.Parse(text);

        Assert.Equal("ns.servicebus.windows.net", parsed.Host);
        Assert.Equal("rule", parsed.SharedAccessKeyName);
        Assert.Equal(Key, parsed.SharedAccessKey);
        Assert.Null(parsed.EntityPath);
    }

    [Theory]
    [InlineData("a=")]
    [InlineData("==")]
    [InlineData("x+y/z=w=")]
    [InlineData("Zm9vYmFyYmF6cXV4K3Jlc3Q/PQ==")]
    public void Parse_KeyWithPlusSlashOrEquals_KeepsTheKeyIntact(string key)
    {
        var parsed = ServiceBusConnectionString.Parse($"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=rule;SharedAccessKey={key}");

        Assert.Equal(key, parsed.SharedAccessKey);
    }

    [Theory]
    [InlineData("amqp://127.0.0.1", "127.0.0.1", 5672, false)]
    [InlineData("amqp://localhost:15672", "localhost", 15672, false)]
    [InlineData("amqps://broker.local", "broker.local", 5671, true)]
    [InlineData("amqps://broker.local:6671/", "broker.local", 6671, true)]
    [InlineData("sb://ns.servicebus.windows.net:5671/", "ns.servicebus.windows.net", 5671, true)]
    public void Parse_Endpoint_ResolvesHostPortAndTls(string endpoint, string host, int port, bool useTls)
    {
        var parsed = ServiceBusConnectionString.Parse($"Endpoint={endpoint};SharedAccessKeyName=syncbridge;SharedAccessKey=pw");

        Assert.Equal(host, parsed.Host);
        Assert.Equal(port, parsed.Port);
        Assert.Equal(useTls, parsed.UseTls);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("SharedAccessKeyName=rule;SharedAccessKey=k", "missing Endpoint")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKey=k", "missing SharedAccessKeyName")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=rule", "missing SharedAccessKey")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=rule;SharedAccessKey=", "missing SharedAccessKey")]
    [InlineData("Endpoint=sb://ns/", "missing SharedAccessKeyName, SharedAccessKey")]
    [InlineData("Endpoint=http://ns.servicebus.windows.net/;SharedAccessKeyName=rule;SharedAccessKey=k", "scheme 'http'")]
    [InlineData("Endpoint=ns.servicebus.windows.net;SharedAccessKeyName=rule;SharedAccessKey=k", "not an absolute URI")]
    [InlineData("Endpoint=sb://ns.servicebus.windows.net/updates;SharedAccessKeyName=rule;SharedAccessKey=k", "must not have a path")]
    [InlineData("Endpoint=amqp://user:pw@host;SharedAccessKeyName=rule;SharedAccessKey=k", "must not carry credentials")]
    [InlineData("Endpoint=sb://ns/;SharedAccessKeyName=rule;SharedAccessKey=k;SharedAccesKey=typo", "unknown part 'SharedAccesKey'")]
    [InlineData("Endpoint=sb://ns/;SharedAccessKeyName=a;sharedaccesskeyname=b;SharedAccessKey=k", "'sharedaccesskeyname' more than once")]
    [InlineData("Endpoint=sb://ns/;justtext;SharedAccessKey=k", "part 2 is not a 'Name=value' pair")]
    public void Parse_BadString_ThrowsNamingThePart(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ServiceBusConnectionString.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_BadStringWithKey_ErrorNeverContainsTheKey()
    {
        const string Secret = "S3cr3t+Key/==";
        var ok = ServiceBusConnectionString.TryParse($"Endpoint=ftp://ns/;SharedAccessKeyName=rule;SharedAccessKey={Secret}", out var parsed, out var error);

        Assert.False(ok);
        Assert.Null(parsed);
        Assert.NotNull(error);
        Assert.DoesNotContain(Secret, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Always_RedactsTheKey()
    {
        const string Secret = "S3cr3t+Key/==";
        var parsed = ServiceBusConnectionString.Parse($"Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=rule;SharedAccessKey={Secret};EntityPath=updates");

        var text = parsed.ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("SharedAccessKey=***", text, StringComparison.Ordinal);
        Assert.Contains("SharedAccessKeyName=rule", text, StringComparison.Ordinal);
        Assert.Contains("EntityPath=updates", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TransportTypePart_IsAcceptedAndIgnored()
    {
        var parsed = ServiceBusConnectionString.Parse("Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=r;SharedAccessKey=k;TransportType=Amqp");

        Assert.Equal("ns.servicebus.windows.net", parsed.Host);
    }
}
