using SyncBridge.Connectors.Salesforce.Configuration;

namespace SyncBridge.Connectors.Salesforce.Auth;

/// <summary>The form fields of the token request for the configured flow.</summary>
internal static class SalesforceTokenForm
{
    public static Dictionary<string, string> Create(SalesforceOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Flow switch
        {
            SalesforceAuthFlow.ClientCredentials => new(StringComparer.Ordinal)
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.ClientId,
                ["client_secret"] = options.ClientSecret,
            },
            SalesforceAuthFlow.JwtBearer => new(StringComparer.Ordinal)
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
                ["assertion"] = SalesforceJwtAssertion.Create(
                    options.ClientId,
                    options.Username,
                    options.LoginUrl,
                    File.ReadAllText(options.PrivateKeyPath),
                    now),
            },
            SalesforceAuthFlow.RefreshToken => RefreshForm(options),
            _ => throw new InvalidOperationException($"Unknown Salesforce auth flow {options.Flow}."),
        };
    }

    private static Dictionary<string, string> RefreshForm(SalesforceOptions options)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = options.ClientId,
            ["refresh_token"] = options.RefreshToken,
        };
        if (!string.IsNullOrEmpty(options.ClientSecret))
        {
            form["client_secret"] = options.ClientSecret;
        }

        return form;
    }
}
