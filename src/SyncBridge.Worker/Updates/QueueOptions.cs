namespace SyncBridge.Worker.Updates;

/// <summary>Settings of section <c>SyncBridge:Queue</c>: the transport choice. Each transport has its own sub-section.</summary>
internal sealed class QueueOptions
{
    public const string SectionName = "SyncBridge:Queue";

    public QueueTransport Transport { get; set; } = QueueTransport.Embedded;
}
