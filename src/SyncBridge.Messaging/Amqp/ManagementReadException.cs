namespace SyncBridge.Messaging.Amqp;

/// <summary>A broker depth read that failed in a way the status can name (<see cref="Failure"/>). Carries no secrets.</summary>
internal sealed class ManagementReadException : Exception
{
    public ManagementReadException()
    {
    }

    public ManagementReadException(string message)
        : base(message)
    {
    }

    public ManagementReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManagementReadException(ManagementReadFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ManagementReadFailure Failure { get; } = ManagementReadFailure.Malformed;
}
