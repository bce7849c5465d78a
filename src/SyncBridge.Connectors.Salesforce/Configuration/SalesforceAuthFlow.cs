namespace SyncBridge.Connectors.Salesforce.Configuration;

/// <summary>The OAuth 2.0 flow SyncBridge uses to obtain a Salesforce session.</summary>
public enum SalesforceAuthFlow
{
    /// <summary><c>grant_type=client_credentials</c> with ClientId and ClientSecret (no refresh token: a new token is fetched).</summary>
    ClientCredentials = 0,

    /// <summary>JWT bearer: an RS256 assertion signed with the key at PrivateKeyPath (iss=ClientId, sub=Username, aud=LoginUrl).</summary>
    JwtBearer,

    /// <summary><c>grant_type=refresh_token</c> with a stored RefreshToken.</summary>
    RefreshToken,
}
