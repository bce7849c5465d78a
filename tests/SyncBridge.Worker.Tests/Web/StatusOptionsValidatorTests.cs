using SyncBridge.Worker.Web;

namespace SyncBridge.Worker.Tests.Web;

public sealed class StatusOptionsValidatorTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:9000")]
    [InlineData("http://[::1]:8080")]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://127.0.0.1:8080; http://[::1]:8080")]
    public void Validate_AbsoluteHttpUrls_Succeeds(string urls)
    {
        var result = new StatusOptionsValidator().Validate(null, new StatusOptions { Urls = urls });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("https://127.0.0.1:8443")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("http://127.0.0.1:8080/status")]
    [InlineData(" ; ")]
    [InlineData("/relative")]
    public void Validate_NotAnAbsoluteHttpUrl_FailsNamingTheSetting(string urls)
    {
        var result = new StatusOptionsValidator().Validate(null, new StatusOptions { Urls = urls });

        Assert.True(result.Failed);
        Assert.Contains("SyncBridge:Status:Urls", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Disabled_IgnoresTheUrls()
    {
        var result = new StatusOptionsValidator().Validate(null, new StatusOptions { Enabled = false, Urls = "nonsense" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://127.0.0.2:8080", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://192.168.1.10:8080", false)]
    public void IsLoopback_Address_SaysWhetherOnlyLoopbackIsBound(string url, bool loopback)
    {
        Assert.Equal(loopback, StatusOptionsValidator.IsLoopback(url));
    }
}
