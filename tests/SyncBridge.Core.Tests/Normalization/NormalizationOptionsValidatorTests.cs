using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class NormalizationOptionsValidatorTests
{
    private static readonly NormalizationOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(Validator.Validate(null, new NormalizationOptions()).Succeeded);

    [Theory]
    [InlineData("US")]
    [InlineData("GB")]
    [InlineData("SG")]
    public void Validate_SupportedRegion_Succeeds(string region) =>
        Assert.True(Validator.Validate(null, new NormalizationOptions { DefaultRegion = region }).Succeeded);

    [Theory]
    [InlineData("ZZ")]
    [InlineData("AQ")]
    public void Validate_RegionWithoutPhoneData_FailsNamingTheSetting(string region)
    {
        var result = Validator.Validate(null, new NormalizationOptions { DefaultRegion = region });

        Assert.True(result.Failed);
        Assert.Contains("SyncBridge:Normalization:DefaultRegion", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadDomains_ReportsEveryFailure()
    {
        var options = new NormalizationOptions
        {
            DefaultRegion = "ZZ",
            FreeMailDomains = ["example-isp.jp", "taro@example.jp", "  "],
            DotInsensitiveDomains = ["https://gmail.com"],
        };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains("FreeMailDomains:1", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("FreeMailDomains:2", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("DotInsensitiveDomains:0", result.FailureMessage, StringComparison.Ordinal);
    }
}
