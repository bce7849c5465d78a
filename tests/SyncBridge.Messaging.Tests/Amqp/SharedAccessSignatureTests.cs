using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SyncBridge.Messaging.Amqp;

namespace SyncBridge.Messaging.Tests.Amqp;

public sealed class SharedAccessSignatureTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> Keys => new()
    {
        { "RootManageSharedAccessKey", "plainkey" },
        { "send", "ab+cd/ef==" },
        { "listen", "+/+/=" },
        { "rule with space", "Zm9vYmFyYmF6cXV4K3Jlc3Q/PQ==" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Create_AnyKey_MatchesAnIndependentlyComputedSignature(string keyName, string key)
    {
        var time = new FakeTimeProvider(Start);
        const string Resource = "sb://contoso.servicebus.windows.net/updates";

        var sas = SharedAccessSignature.Create(Resource, keyName, key, TimeSpan.FromHours(1), time);

        // Computed here step by step, apart from the production code.
        var expiry = Start.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Assert.Equal("1795431600", expiry); // date -u -d 2026-11-23T11:00:00Z +%s
        const string EncodedResource = "sb%3A%2F%2Fcontoso.servicebus.windows.net%2Fupdates";
        var stringToSign = EncodedResource + "\n" + expiry;
        byte[] mac;
        using (var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key)))
        {
            mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign));
        }

        var signature = Convert.ToBase64String(mac)
            .Replace("+", "%2B", StringComparison.Ordinal)
            .Replace("/", "%2F", StringComparison.Ordinal)
            .Replace("=", "%3D", StringComparison.Ordinal);
        var expected = $"SharedAccessSignature sr={EncodedResource}&sig={signature}&se={expiry}&skn={WebUtility.UrlEncode(keyName)}";

        Assert.Equal(expected, sas.Token);
        Assert.Equal(Start.AddHours(1), sas.ExpiresAt);
        Assert.Equal(Resource, sas.Resource);
    }

    [Fact]
    public void Create_DifferentKeys_GiveDifferentSignatures()
    {
        var time = new FakeTimeProvider(Start);

        var a = SharedAccessSignature.Create("sb://ns/updates", "rule", "key+a=", TimeSpan.FromMinutes(10), time);
        var b = SharedAccessSignature.Create("sb://ns/updates", "rule", "key+b=", TimeSpan.FromMinutes(10), time);

        Assert.NotEqual(a.Token, b.Token);
    }

    [Fact]
    public void Create_SignatureWithPlusSlashEquals_IsUrlEncodedInTheToken()
    {
        var time = new FakeTimeProvider(Start);

        var sas = SharedAccessSignature.Create("sb://ns/updates", "rule", "ab+cd/ef==", TimeSpan.FromMinutes(10), time);

        var sig = sas.Token.Split('&')[1];
        Assert.StartsWith("sig=", sig, StringComparison.Ordinal);
        Assert.DoesNotContain('+', sig);
        Assert.DoesNotContain('/', sig);
        Assert.Single(sig, '=');
        var decoded = Convert.FromBase64String(WebUtility.UrlDecode(sig["sig=".Length..]));
        Assert.Equal(32, decoded.Length);
    }

    [Fact]
    public void Create_ExpiryFollowsTheTimeProvider()
    {
        var time = new FakeTimeProvider(Start);
        time.Advance(TimeSpan.FromMinutes(30));

        var sas = SharedAccessSignature.Create("sb://ns/updates", "rule", "k", TimeSpan.FromMinutes(20), time);

        Assert.Equal(Start.AddMinutes(50), sas.ExpiresAt);
        Assert.EndsWith("&skn=rule", sas.Token, StringComparison.Ordinal);
        Assert.Contains("&se=" + Start.AddMinutes(50).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "&", sas.Token, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(54, false)]
    [InlineData(55, true)]
    [InlineData(60, true)]
    [InlineData(90, true)]
    public void ShouldRenew_MinutesAfterIssue_RenewsWithinTheMargin(int minutesLater, bool expected)
    {
        var time = new FakeTimeProvider(Start);
        var sas = SharedAccessSignature.Create("sb://ns/updates", "rule", "k", TimeSpan.FromHours(1), time);
        time.Advance(TimeSpan.FromMinutes(minutesLater));

        Assert.Equal(expected, sas.ShouldRenew(time.GetUtcNow(), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ToString_Always_OmitsTheToken()
    {
        var sas = SharedAccessSignature.Create("sb://ns/updates", "rule", "secret", TimeSpan.FromHours(1), new FakeTimeProvider(Start));

        var text = sas.ToString();

        Assert.DoesNotContain("sig=", text, StringComparison.Ordinal);
        Assert.Contains("sb://ns/updates", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NonPositiveTtl_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SharedAccessSignature.Create("sb://ns/updates", "rule", "k", TimeSpan.Zero, new FakeTimeProvider(Start)));
    }
}
