namespace SyncBridge.Simulators.Salesforce.Soql;

/// <summary>A statement the simulator cannot run; <see cref="ErrorCode"/> is what Salesforce would answer.</summary>
public sealed class SoqlException : Exception
{
    public SoqlException()
    {
    }

    public SoqlException(string message)
        : base(message)
    {
    }

    public SoqlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SoqlException(string errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public string ErrorCode { get; } = "MALFORMED_QUERY";
}
