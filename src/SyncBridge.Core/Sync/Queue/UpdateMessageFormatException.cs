namespace SyncBridge.Core.Sync.Queue;

/// <summary>A message body that is not a valid update message; the message names the field and what is wrong with it.</summary>
public sealed class UpdateMessageFormatException : FormatException
{
    public UpdateMessageFormatException()
    {
    }

    public UpdateMessageFormatException(string message)
        : base(message)
    {
    }

    public UpdateMessageFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
