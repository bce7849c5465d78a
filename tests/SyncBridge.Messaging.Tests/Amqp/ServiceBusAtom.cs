using System.Globalization;

namespace SyncBridge.Messaging.Tests.Amqp;

/// <summary>
/// Service Bus management answers as the namespace sends them (shape from Microsoft's REST docs and SDKs): an Atom entry
/// whose content is a QueueDescription with CountDetails in the 2011/06 namespace; an empty feed for a missing entity.
/// </summary>
internal static class ServiceBusAtom
{
    public const string Namespace = "sbdepth-test.servicebus.windows.net";

    public static string QueueEntry(string queue, long active, long deadLetters, long scheduled = 0, long transfer = 0, long transferDeadLetters = 0) =>
        string.Create(CultureInfo.InvariantCulture, $"""
        <entry xmlns="http://www.w3.org/2005/Atom">
          <id>https://{Namespace}/{queue}?api-version=2021-05</id>
          <title type="text">{queue}</title>
          <published>2026-03-02T09:14:05Z</published>
          <updated>2026-11-20T16:40:11Z</updated>
          <author><name>sbdepth-test</name></author>
          <link rel="self" href="https://{Namespace}/{queue}?api-version=2021-05"/>
          <content type="application/xml">
            <QueueDescription xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
              <LockDuration>PT1M</LockDuration>
              <MaxSizeInMegabytes>1024</MaxSizeInMegabytes>
              <RequiresDuplicateDetection>true</RequiresDuplicateDetection>
              <RequiresSession>true</RequiresSession>
              <DefaultMessageTimeToLive>P14D</DefaultMessageTimeToLive>
              <DeadLetteringOnMessageExpiration>false</DeadLetteringOnMessageExpiration>
              <DuplicateDetectionHistoryTimeWindow>PT10M</DuplicateDetectionHistoryTimeWindow>
              <MaxDeliveryCount>10</MaxDeliveryCount>
              <EnableBatchedOperations>true</EnableBatchedOperations>
              <SizeInBytes>48213</SizeInBytes>
              <MessageCount>{active + deadLetters + scheduled + transfer + transferDeadLetters}</MessageCount>
              <IsAnonymousAccessible>false</IsAnonymousAccessible>
              <AuthorizationRules/>
              <Status>Active</Status>
              <CreatedAt>2026-03-02T09:14:05.2230000Z</CreatedAt>
              <UpdatedAt>2026-11-20T16:40:11.0170000Z</UpdatedAt>
              <AccessedAt>2026-11-23T07:58:42.5630000Z</AccessedAt>
              <SupportOrdering>true</SupportOrdering>
              <CountDetails xmlns:d2p1="http://schemas.microsoft.com/netservices/2011/06/servicebus">
                <d2p1:ActiveMessageCount>{active}</d2p1:ActiveMessageCount>
                <d2p1:DeadLetterMessageCount>{deadLetters}</d2p1:DeadLetterMessageCount>
                <d2p1:ScheduledMessageCount>{scheduled}</d2p1:ScheduledMessageCount>
                <d2p1:TransferMessageCount>{transfer}</d2p1:TransferMessageCount>
                <d2p1:TransferDeadLetterMessageCount>{transferDeadLetters}</d2p1:TransferDeadLetterMessageCount>
              </CountDetails>
              <AutoDeleteOnIdle>P10675199DT2H48M5.4775807S</AutoDeleteOnIdle>
              <EnablePartitioning>false</EnablePartitioning>
              <EntityAvailabilityStatus>Available</EntityAvailabilityStatus>
              <EnableExpress>false</EnableExpress>
            </QueueDescription>
          </content>
        </entry>
        """);

    /// <summary>What the namespace answers (200) for an entity that does not exist.</summary>
    public static string EmptyFeed() => """
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="text">Publicly Listed Services</title>
          <subtitle type="text">This is the list of publicly-listed services currently available.</subtitle>
          <id>uuid:0b5b5f3c-7c0e-4bd1-9a57-2f7f3b1e8d10;id=1</id>
          <updated>2026-11-23T08:00:00Z</updated>
          <generator>Service Bus 1.1</generator>
        </feed>
        """;

    public static string TopicEntry(string name) => $"""
        <entry xmlns="http://www.w3.org/2005/Atom">
          <title type="text">{name}</title>
          <content type="application/xml">
            <TopicDescription xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect">
              <SizeInBytes>0</SizeInBytes>
            </TopicDescription>
          </content>
        </entry>
        """;
}
