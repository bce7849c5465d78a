namespace SyncBridge.Connectors.Salesforce.Auth;

/// <summary>An access token and the instance it is valid for. <see cref="ToString"/> never shows the token.</summary>
internal sealed record SalesforceSession(string AccessToken, Uri InstanceUrl, DateTimeOffset ObtainedAt)
{
    public override string ToString() => $"session for {InstanceUrl.Host} obtained {ObtainedAt:O}";
}
