using Amqp;
using Amqp.Framing;
using Amqp.Types;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class AmqpOutcomesTests
{
    [Fact]
    public void DeadLetter_ReasonAndDescription_RejectsWithServiceBusDeadLetterCondition()
    {
        var rejected = AmqpOutcomes.DeadLetter("MaxDeliveryCountExceeded", "HubSpot 400: property 'lifecyclestage' is invalid");

        Assert.Equal("com.microsoft:dead-letter", (string)rejected.Error.Condition);
        Assert.Equal("HubSpot 400: property 'lifecyclestage' is invalid", rejected.Error.Description);
        Assert.Equal("MaxDeliveryCountExceeded", rejected.Error.Info[new Symbol("DeadLetterReason")]);
        Assert.Equal("HubSpot 400: property 'lifecyclestage' is invalid", rejected.Error.Info[new Symbol("DeadLetterErrorDescription")]);
    }

    [Fact]
    public void DeadLetter_AfterEncoding_KeepsConditionAndInfo()
    {
        var rejected = AmqpOutcomes.DeadLetter("Poison", "body is not JSON");
        var buffer = new ByteBuffer(256, true);

        rejected.Encode(buffer);
        var decoded = Assert.IsType<Rejected>(Encoder.ReadDescribed(buffer, Encoder.ReadFormatCode(buffer)));

        Assert.Equal("com.microsoft:dead-letter", (string)decoded.Error.Condition);
        Assert.Equal("Poison", decoded.Error.Info[new Symbol("DeadLetterReason")]);
        Assert.Equal("body is not JSON", decoded.Error.Info[new Symbol("DeadLetterErrorDescription")]);
    }

    [Fact]
    public void Abandon_IsReleasedNotModified()
    {
        Assert.IsType<Released>(AmqpOutcomes.Abandon());
    }

    [Fact]
    public void Complete_IsAccepted()
    {
        Assert.IsType<Accepted>(AmqpOutcomes.Complete());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void DeadLetter_NoReason_Throws(string reason)
    {
        Assert.ThrowsAny<ArgumentException>(() => AmqpOutcomes.DeadLetter(reason, "x"));
    }
}
