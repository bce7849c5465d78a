using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using SyncBridge.Core.Sync.Queue;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// A Service Bus queue's message counts, read from the <c>CountDetails</c> of the runtime entity description that
/// <c>GET https://{namespace}/{queue}?api-version=2021-05</c> answers: an Atom <c>entry</c> whose <c>content</c> holds a
/// <c>QueueDescription</c> (namespace <see cref="ConnectNamespace"/>) with <c>CountDetails</c>, whose children
/// (<c>ActiveMessageCount</c>, <c>DeadLetterMessageCount</c>, <c>ScheduledMessageCount</c>, <c>TransferMessageCount</c>,
/// <c>TransferDeadLetterMessageCount</c>) are in namespace <see cref="CountsNamespace"/>.
/// </summary>
internal sealed record ServiceBusQueueCounts(long Active, long DeadLetter, long Scheduled, long Transfer, long TransferDeadLetter)
{
    public const string ApiVersion = "2021-05";
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string ConnectNamespace = "http://schemas.microsoft.com/netservices/2010/10/servicebus/connect";
    public const string CountsNamespace = "http://schemas.microsoft.com/netservices/2011/06/servicebus";

    private static readonly XNamespace Atom = AtomNamespace;
    private static readonly XNamespace Connect = ConnectNamespace;
    private static readonly XNamespace Counts = CountsNamespace;

    /// <summary>
    /// Reads the counts of the queue description in <paramref name="atom"/>. Throws <see cref="ManagementReadException"/>:
    /// <see cref="ManagementReadFailure.NotFound"/> for an Atom feed (Service Bus's answer for an entity that does not exist)
    /// or an entry that is not a queue, <see cref="ManagementReadFailure.Malformed"/> for anything else unreadable.
    /// The exception's message names the element at fault, never the body.
    /// </summary>
    public static ServiceBusQueueCounts Parse(string? atom)
    {
        if (string.IsNullOrWhiteSpace(atom))
        {
            throw new ManagementReadException(ManagementReadFailure.Malformed, "The queue description is empty.");
        }

        XElement root;
        try
        {
            // XDocument.Parse refuses DTDs (no entity expansion).
            root = XDocument.Parse(atom).Root!;
        }
        catch (XmlException e)
        {
            throw new ManagementReadException(
                ManagementReadFailure.Malformed,
                string.Create(CultureInfo.InvariantCulture, $"The queue description is not XML (line {e.LineNumber}, position {e.LinePosition})."),
                e);
        }

        if (root.Name == Atom + "feed")
        {
            throw new ManagementReadException(ManagementReadFailure.NotFound, "The namespace has no entity of that name (an empty Atom feed).");
        }

        if (root.Name != Atom + "entry")
        {
            throw new ManagementReadException(ManagementReadFailure.Malformed, $"The answer's root element is {root.Name.LocalName}, not an Atom entry.");
        }

        var content = root.Element(Atom + "content")?.Elements().FirstOrDefault()
            ?? throw new ManagementReadException(ManagementReadFailure.Malformed, "The Atom entry has no content.");
        if (content.Name != Connect + "QueueDescription")
        {
            throw new ManagementReadException(ManagementReadFailure.NotFound, $"The entity is a {content.Name.LocalName}, not a queue.");
        }

        var details = content.Element(Connect + "CountDetails")
            ?? throw new ManagementReadException(ManagementReadFailure.Malformed, "The QueueDescription has no CountDetails.");
        return new ServiceBusQueueCounts(
            Count(details, "ActiveMessageCount", required: true),
            Count(details, "DeadLetterMessageCount", required: true),
            Count(details, "ScheduledMessageCount", required: false),
            Count(details, "TransferMessageCount", required: false),
            Count(details, "TransferDeadLetterMessageCount", required: false));
    }

    /// <summary>
    /// The queue figures: depth = active + scheduled messages (active includes messages locked by any receiver; scheduled
    /// ones become active at their time), never below <paramref name="inFlight"/>; in flight = what this process holds
    /// locked (Service Bus does not report locks); oldest age unknown (null: the description's AccessedAt/UpdatedAt are
    /// entity times, not message ages); dead letters = the dead-letter sub-queue's count (the transfer dead-letter queue,
    /// used only by auto-forwarding and send-via, is not counted).
    /// </summary>
    public QueueStatus ToStatus(long inFlight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inFlight);
        return new QueueStatus(Math.Max(Active + Scheduled, inFlight), inFlight, null, DeadLetter);
    }

    private static long Count(XElement details, string name, bool required)
    {
        var element = details.Element(Counts + name);
        if (element is null)
        {
            return required
                ? throw new ManagementReadException(ManagementReadFailure.Malformed, $"CountDetails has no {name}.")
                : 0;
        }

        return long.TryParse(element.Value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ManagementReadException(ManagementReadFailure.Malformed, $"CountDetails' {name} is not a count.");
    }
}
