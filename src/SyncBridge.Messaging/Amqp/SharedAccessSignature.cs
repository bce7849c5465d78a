using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SyncBridge.Messaging.Amqp;

/// <summary>
/// A Service Bus shared access signature:
/// <c>SharedAccessSignature sr={resource}&amp;sig={signature}&amp;se={expiry}&amp;skn={key name}</c>, where the signature is the
/// URL-encoded base64 HMAC-SHA256, keyed with the UTF-8 bytes of the SAS key, of the URL-encoded resource, a line feed and
/// the expiry in Unix seconds. <see cref="ToString"/> does not print the token.
/// </summary>
internal sealed class SharedAccessSignature
{
    public const string Scheme = "SharedAccessSignature";

    private SharedAccessSignature(string token, string resource, DateTimeOffset expiresAt)
    {
        Token = token;
        Resource = resource;
        ExpiresAt = expiresAt;
    }

    /// <summary>The full token to put with CBS. A secret: never log it.</summary>
    public string Token { get; }

    /// <summary>The resource (audience) the token was issued for, not encoded.</summary>
    public string Resource { get; }

    /// <summary>When the broker stops accepting the token (whole seconds).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Issues a token for <paramref name="resource"/> valid from now (per <paramref name="time"/>) for <paramref name="ttl"/>.</summary>
    public static SharedAccessSignature Create(string resource, string keyName, string key, TimeSpan ttl, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyName);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);

        var expiry = time.GetUtcNow().Add(ttl).ToUnixTimeSeconds();
        var expiryText = expiry.ToString(CultureInfo.InvariantCulture);
        var encodedResource = WebUtility.UrlEncode(resource);
        var signature = Convert.ToBase64String(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encodedResource + "\n" + expiryText)));

        var token = string.Create(
            CultureInfo.InvariantCulture,
            $"{Scheme} sr={encodedResource}&sig={WebUtility.UrlEncode(signature)}&se={expiryText}&skn={WebUtility.UrlEncode(keyName)}");
        return new SharedAccessSignature(token, resource, DateTimeOffset.FromUnixTimeSeconds(expiry));
    }

    /// <summary>True once <paramref name="now"/> is within <paramref name="margin"/> of <see cref="ExpiresAt"/> (or past it).</summary>
    public bool ShouldRenew(DateTimeOffset now, TimeSpan margin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(margin, TimeSpan.Zero);
        return now >= ExpiresAt - margin;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Scheme} for {Resource} expiring {ExpiresAt:O} (token redacted)");
}
