using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class AmqpAddressMapperTests
{
    [Theory]
    [InlineData(AmqpDialect.ServiceBus, "updates", "updates", "updates/$deadletterqueue")]
    [InlineData(AmqpDialect.ServiceBus, "crm.updates-v2", "crm.updates-v2", "crm.updates-v2/$deadletterqueue")]
    [InlineData(AmqpDialect.RabbitMq, "updates", "/amq/queue/updates", "/amq/queue/updates%2F$DeadLetterQueue")]
    [InlineData(AmqpDialect.RabbitMq, "crm_updates", "/amq/queue/crm_updates", "/amq/queue/crm_updates%2F$DeadLetterQueue")]
    public void Addresses_PerDialect_FollowTheBrokersFormat(AmqpDialect dialect, string queue, string expectedQueue, string expectedDeadLetter)
    {
        var mapper = new AmqpAddressMapper(dialect);

        Assert.Equal(expectedQueue, mapper.QueueAddress(queue));
        Assert.Equal(expectedDeadLetter, mapper.DeadLetterAddress(queue));
    }

    [Theory]
    [InlineData(AmqpDialect.ServiceBus, "updates/$deadletterqueue")]
    [InlineData(AmqpDialect.RabbitMq, "updates/$DeadLetterQueue")]
    public void DeadLetterQueueName_PerDialect_IsTheBrokerSideName(AmqpDialect dialect, string expected)
    {
        Assert.Equal(expected, new AmqpAddressMapper(dialect).DeadLetterQueueName("updates"));
    }

    [Fact]
    public void DeadLetterAddress_RabbitMq_DecodesToTheDeclaredQueueName()
    {
        var mapper = new AmqpAddressMapper(AmqpDialect.RabbitMq);

        // RabbitMQ's v1 parser strips /amq/queue/ and turns each upper-case %2F back into '/'.
        var address = mapper.DeadLetterAddress("updates");
        var decoded = address[AmqpAddressMapper.RabbitMqQueuePrefix.Length..].Replace("%2F", "/", StringComparison.Ordinal);

        Assert.Equal(mapper.DeadLetterQueueName("updates"), decoded);
        Assert.DoesNotContain('/', address[AmqpAddressMapper.RabbitMqQueuePrefix.Length..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    [InlineData("$cbs")]
    [InlineData("updates%2F")]
    public void QueueAddress_BadQueueName_Throws(string queue)
    {
        var mapper = new AmqpAddressMapper(AmqpDialect.RabbitMq);

        Assert.ThrowsAny<ArgumentException>(() => mapper.QueueAddress(queue));
    }

    [Fact]
    public void Constructor_UndefinedDialect_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AmqpAddressMapper((AmqpDialect)7));
    }
}
