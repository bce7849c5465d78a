using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SyncBridge.Connectors.Salesforce.Auth;

/// <summary>
/// Builds the RS256-signed JWT of the OAuth 2.0 JWT bearer flow: iss = consumer key, sub = username,
/// aud = login URL, exp a few minutes ahead.
/// </summary>
internal static class SalesforceJwtAssertion
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    public static string Create(string clientId, string username, Uri loginUrl, string privateKeyPem, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentNullException.ThrowIfNull(loginUrl);
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPem);

        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" });
        var claims = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = clientId,
            ["sub"] = username,
            ["aud"] = loginUrl.GetLeftPart(UriPartial.Authority),
            ["exp"] = (now + Lifetime).ToUnixTimeSeconds(),
        });

        var signingInput = Base64Url.EncodeToString(header) + "." + Base64Url.EncodeToString(claims);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(privateKeyPem);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
