namespace SyncBridge.Messaging.Amqp;

/// <summary>Settings of section <c>SyncBridge:Queue:ServiceBus</c>: the AMQP 1.0 transport to Azure Service Bus or a local broker.</summary>
public sealed class ServiceBusTransportOptions
{
    public const string SectionName = "SyncBridge:Queue:ServiceBus";

    /// <summary>
    /// <c>Endpoint=sb://…;SharedAccessKeyName=…;SharedAccessKey=…[;EntityPath=…]</c> (or an <c>amqp(s)://</c> endpoint).
    /// A secret: set it from the environment (<c>SyncBridge__Queue__ServiceBus__ConnectionString</c>) or user secrets, never in a file.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The queue updates travel through; its dead-letter queue is derived from it.</summary>
    public string QueueName { get; set; } = "updates";

    /// <summary>The broker's address conventions.</summary>
    public AmqpDialect Dialect { get; set; } = AmqpDialect.ServiceBus;

    /// <summary>How to authenticate.</summary>
    public AmqpAuthMode Auth { get; set; } = AmqpAuthMode.SaslPlain;

    /// <summary>How long a SAS token put with CBS is valid.</summary>
    public TimeSpan TokenTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long before its expiry a SAS token is renewed.</summary>
    public TimeSpan TokenRenewMargin { get; set; } = TimeSpan.FromMinutes(5);
}
