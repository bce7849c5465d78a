using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class ServiceBusQueueCountsTests
{
    private const string CountsNs = "http://schemas.microsoft.com/netservices/2011/06/servicebus";

    [Fact]
    public void Parse_QueueEntry_ReadsEveryCount()
    {
        var counts = ServiceBusQueueCounts.Parse(ServiceBusAtom.QueueEntry("updates", active: 510, deadLetters: 7, scheduled: 3, transfer: 2, transferDeadLetters: 1));

        Assert.Equal(new ServiceBusQueueCounts(510, 7, 3, 2, 1), counts);
    }

    [Fact]
    public void Parse_OptionalCountsMissing_ReadsThemAsZero()
    {
        var atom = Entry($"""<d2p1:ActiveMessageCount xmlns:d2p1="{CountsNs}">4</d2p1:ActiveMessageCount><DeadLetterMessageCount xmlns="{CountsNs}">1</DeadLetterMessageCount>""");

        Assert.Equal(new ServiceBusQueueCounts(4, 1, 0, 0, 0), ServiceBusQueueCounts.Parse(atom));
    }

    [Fact]
    public void Parse_EmptyFeed_IsNotFound()
    {
        var error = Assert.Throws<ManagementReadException>(() => ServiceBusQueueCounts.Parse(ServiceBusAtom.EmptyFeed()));

        Assert.Equal(ManagementReadFailure.NotFound, error.Failure);
    }

    [Fact]
    public void Parse_TopicEntry_IsNotFound()
    {
        var error = Assert.Throws<ManagementReadException>(() => ServiceBusQueueCounts.Parse(ServiceBusAtom.TopicEntry("updates")));

        Assert.Equal(ManagementReadFailure.NotFound, error.Failure);
        Assert.Contains("TopicDescription", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Unreadable => new()
    {
        { "empty body", "" },
        { "truncated xml", ServiceBusAtom.QueueEntry("updates", 1, 0)[..400] },
        { "json", """{"countDetails":{"activeMessageCount":1}}""" },
        { "not atom", """<QueueDescription xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect"/>""" },
        { "entry without content", """<entry xmlns="http://www.w3.org/2005/Atom"><title>updates</title></entry>""" },
        { "no count details", Entry(null) },
        { "counts in the wrong namespace", Entry("""<ActiveMessageCount>4</ActiveMessageCount><DeadLetterMessageCount>0</DeadLetterMessageCount>""") },
        { "active count missing", Entry($"""<DeadLetterMessageCount xmlns="{CountsNs}">1</DeadLetterMessageCount>""") },
        { "negative count", Entry($"""<ActiveMessageCount xmlns="{CountsNs}">-4</ActiveMessageCount><DeadLetterMessageCount xmlns="{CountsNs}">0</DeadLetterMessageCount>""") },
        { "count not a number", Entry($"""<ActiveMessageCount xmlns="{CountsNs}">many</ActiveMessageCount><DeadLetterMessageCount xmlns="{CountsNs}">0</DeadLetterMessageCount>""") },
        { "dtd", """<?xml version="1.0"?><!DOCTYPE entry [<!ENTITY big "x">]><entry xmlns="http://www.w3.org/2005/Atom">&big;</entry>""" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Parse_Unreadable_IsMalformedWithoutEchoingTheBody(string scenario, string body)
    {
        var error = Assert.Throws<ManagementReadException>(() => ServiceBusQueueCounts.Parse(body));

        Assert.True(error.Failure == ManagementReadFailure.Malformed, scenario);
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStatus_Counts_DepthIsActivePlusScheduledAndDeadLettersTheDeadLetterCount()
    {
        var status = new ServiceBusQueueCounts(Active: 12, DeadLetter: 3, Scheduled: 2, Transfer: 5, TransferDeadLetter: 4).ToStatus(inFlight: 1);

        Assert.Equal(new QueueStatus(14, 1, null, 3), status);
        Assert.Null(status.Caveat);
    }

    [Fact]
    public void ToStatus_MoreLocksHeldThanTheBrokerCounted_DepthNotBelowInFlight()
    {
        // The broker's counts lag a little; a status must not show fewer messages than this process holds.
        var status = new ServiceBusQueueCounts(2, 0, 0, 0, 0).ToStatus(inFlight: 5);

        Assert.Equal(5, status.Depth);
        Assert.Equal(5, status.InFlight);
    }

    private static string Entry(string? countDetails) => $"""
        <entry xmlns="http://www.w3.org/2005/Atom">
          <title type="text">updates</title>
          <content type="application/xml">
            <QueueDescription xmlns="http://schemas.microsoft.com/netservices/2010/10/servicebus/connect">
              <SizeInBytes>0</SizeInBytes>
              {(countDetails is null ? string.Empty : "<CountDetails>" + countDetails + "</CountDetails>")}
            </QueueDescription>
          </content>
        </entry>
        """;
}
