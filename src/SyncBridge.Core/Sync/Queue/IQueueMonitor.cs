namespace SyncBridge.Core.Sync.Queue;

/// <summary>Queue figures for <c>queue status</c> and health checks.</summary>
public interface IQueueMonitor
{
    Task<QueueStatus> GetStatusAsync(CancellationToken cancellationToken);
}
