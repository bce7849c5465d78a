namespace SyncBridge.Storage;

/// <summary>The state store cannot be used: its file cannot be written, its server cannot be reached, or its schema is newer than this build knows.</summary>
public sealed class StateStoreException : Exception
{
    public StateStoreException()
    {
    }

    public StateStoreException(string message)
        : base(message)
    {
    }

    public StateStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
