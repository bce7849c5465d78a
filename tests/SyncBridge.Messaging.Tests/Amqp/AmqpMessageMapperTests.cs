using System.Text;
using Amqp;
using Amqp.Framing;
using Amqp.Types;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class AmqpMessageMapperTests
{
    private static AmqpEnvelope Sample(string body = """{"v":1,"properties":{"lifecyclestage":"lead"}}""") =>
        new("msg-4f2a", "LifecycleUpdate.v1", AmqpEnvelope.JsonContentType, "person-42", Encoding.UTF8.GetBytes(body));

    [Fact]
    public void ToMessage_Envelope_SetsPropertiesAnnotationAndDataBody()
    {
        var envelope = Sample();

        var message = AmqpMessageMapper.ToMessage(envelope);

        Assert.Equal("msg-4f2a", message.Properties.MessageId);
        Assert.Equal("LifecycleUpdate.v1", message.Properties.Subject);
        Assert.Equal("application/json", (string)message.Properties.ContentType);
        Assert.Equal("person-42", message.Properties.GroupId);
        Assert.Equal("person-42", message.MessageAnnotations[new Symbol("x-opt-partition-key")]);
        Assert.True(message.Header.Durable);
        var data = Assert.IsType<Data>(message.BodySection);
        Assert.Equal(envelope.Body.ToArray(), data.Binary);
    }

    [Fact]
    public void FromMessage_AfterEncodingOnTheWire_RoundTripsEveryField()
    {
        var envelope = Sample();
        var sent = AmqpMessageMapper.ToMessage(envelope);
        sent.Header.DeliveryCount = 3;

        // Encode and decode as the link would, so the test covers the AMQP types, not just object identity.
        var decoded = Message.Decode(sent.Encode());
        var received = AmqpMessageMapper.FromMessage(decoded);

        Assert.Equal(envelope.MessageId, received.Envelope.MessageId);
        Assert.Equal(envelope.Subject, received.Envelope.Subject);
        Assert.Equal(envelope.ContentType, received.Envelope.ContentType);
        Assert.Equal(envelope.GroupKey, received.Envelope.GroupKey);
        Assert.Equal(envelope.Body.ToArray(), received.Envelope.Body.ToArray());
        Assert.Equal(3u, received.DeliveryCount);
    }

    [Fact]
    public void FromMessage_NoHeader_DeliveryCountIsZero()
    {
        var message = AmqpMessageMapper.ToMessage(Sample());
        message.Header = null;

        Assert.Equal(0u, AmqpMessageMapper.FromMessage(message).DeliveryCount);
    }

    [Fact]
    public void FromMessage_OnlyPartitionKeyAnnotation_UsesItAsGroupKey()
    {
        var message = AmqpMessageMapper.ToMessage(Sample());
        message.Properties.GroupId = null;

        Assert.Equal("person-42", AmqpMessageMapper.FromMessage(message).Envelope.GroupKey);
    }

    [Fact]
    public void FromMessage_AmqpValueBinaryBody_IsAccepted()
    {
        var message = AmqpMessageMapper.ToMessage(Sample());
        message.BodySection = new AmqpValue { Value = new byte[] { 1, 2, 3 } };

        Assert.Equal(new byte[] { 1, 2, 3 }, AmqpMessageMapper.FromMessage(message).Envelope.Body.ToArray());
    }

    public static TheoryData<string, Action<Message>> Malformed => new()
    {
        { "no properties", m => m.Properties = null },
        { "no string message-id", m => m.Properties.MessageId = null },
        { "neither a group-id", m => { m.Properties.GroupId = null; m.MessageAnnotations = null; } },
        { "has no body", m => m.BodySection = null },
        { "AmqpValue body", m => m.BodySection = new AmqpValue { Value = "text" } },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void FromMessage_MalformedMessage_ThrowsFormatExceptionNamingTheProblem(string expected, Action<Message> spoil)
    {
        var message = AmqpMessageMapper.ToMessage(Sample());
        spoil(message);

        var error = Assert.Throws<FormatException>(() => AmqpMessageMapper.FromMessage(message));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "s", "application/json", "p")]
    [InlineData("m", " ", "application/json", "p")]
    [InlineData("m", "s", "", "p")]
    [InlineData("m", "s", "application/json", "")]
    public void ToMessage_MissingField_Throws(string id, string subject, string contentType, string group)
    {
        var envelope = new AmqpEnvelope(id, subject, contentType, group, new byte[] { 1 });

        Assert.ThrowsAny<ArgumentException>(() => AmqpMessageMapper.ToMessage(envelope));
    }
}
