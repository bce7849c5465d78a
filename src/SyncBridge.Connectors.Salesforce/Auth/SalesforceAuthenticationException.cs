namespace SyncBridge.Connectors.Salesforce.Auth;

/// <summary>The token endpoint refused the configured credentials (e.g. <c>invalid_grant</c>). Carries no secret.</summary>
public sealed class SalesforceAuthenticationException : Exception
{
    public SalesforceAuthenticationException()
    {
    }

    public SalesforceAuthenticationException(string message)
        : base(message)
    {
    }

    public SalesforceAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SalesforceAuthenticationException(string error, string description)
        : base($"Salesforce refused the token request: {error} ({description})")
    {
        Error = error;
    }

    public string Error { get; } = string.Empty;
}
