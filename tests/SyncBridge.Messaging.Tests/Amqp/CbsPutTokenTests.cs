using Amqp;
using Amqp.Framing;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class CbsPutTokenTests
{
    private static SharedAccessSignature Token() => SharedAccessSignature.Create(
        "sb://ns.servicebus.windows.net/updates", "rule", "ab+cd/ef==", TimeSpan.FromHours(1),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void CreateRequest_Token_CarriesOperationTypeAudienceAndTokenBody()
    {
        var token = Token();

        var request = Message.Decode(CbsPutToken.CreateRequest(token, "cbs-1", "cbs-client-7").Encode());

        Assert.Equal("put-token", request.ApplicationProperties["operation"]);
        Assert.Equal("servicebus.windows.net:sastoken", request.ApplicationProperties["type"]);
        Assert.Equal("sb://ns.servicebus.windows.net/updates", request.ApplicationProperties["name"]);
        Assert.Equal("cbs-1", request.Properties.MessageId);
        Assert.Equal("cbs-client-7", request.Properties.ReplyTo);
        var body = Assert.IsType<AmqpValue>(request.BodySection);
        Assert.Equal(token.Token, body.Value);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(202, true)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void ReadResponse_StatusCode_DecidesSuccess(int statusCode, bool expected)
    {
        var response = new Message
        {
            Properties = new Properties { CorrelationId = "cbs-1" },
            ApplicationProperties = new ApplicationProperties(),
        };
        response.ApplicationProperties["status-code"] = statusCode;
        response.ApplicationProperties["status-description"] = "desc";

        var result = CbsPutToken.ReadResponse(Message.Decode(response.Encode()), "cbs-1");

        Assert.Equal(statusCode, result.StatusCode);
        Assert.Equal(expected, result.Succeeded);
        Assert.Equal("desc", result.Description);
    }

    [Fact]
    public void ReadResponse_OtherCorrelationId_Fails()
    {
        var response = new Message { Properties = new Properties { CorrelationId = "cbs-2" }, ApplicationProperties = new ApplicationProperties() };
        response.ApplicationProperties["status-code"] = 200;

        var result = CbsPutToken.ReadResponse(response, "cbs-1");

        Assert.False(result.Succeeded);
        Assert.Contains("cbs-2", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadResponse_NoStatusCode_Fails()
    {
        var response = new Message { Properties = new Properties { CorrelationId = "cbs-1" } };

        var result = CbsPutToken.ReadResponse(response, "cbs-1");

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.StatusCode);
    }
}
