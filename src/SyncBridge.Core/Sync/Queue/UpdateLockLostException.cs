namespace SyncBridge.Core.Sync.Queue;

/// <summary>
/// The lock of a received update expired or is held by another delivery, so it can no longer be completed, abandoned
/// or dead-lettered; the message is (or will be) delivered again.
/// </summary>
public sealed class UpdateLockLostException : InvalidOperationException
{
    public UpdateLockLostException()
    {
    }

    public UpdateLockLostException(string message)
        : base(message)
    {
    }

    public UpdateLockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
