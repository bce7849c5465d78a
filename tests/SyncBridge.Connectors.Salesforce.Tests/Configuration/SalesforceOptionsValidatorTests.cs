using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Connectors.Salesforce.Tests.Support;

namespace SyncBridge.Connectors.Salesforce.Tests.Configuration;

public sealed class SalesforceOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultsWithClientCredentials_Succeeds()
    {
        var result = new SalesforceOptionsValidator().Validate(null, new SalesforceOptions { ClientId = "id", ClientSecret = "secret" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_JwtBearerWithoutUsernameOrKey_NamesBothSettings()
    {
        var result = new SalesforceOptionsValidator().Validate(null, new SalesforceOptions { ClientId = "id", Flow = SalesforceAuthFlow.JwtBearer });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("SyncBridge:Salesforce:Username", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("SyncBridge:Salesforce:PrivateKeyPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadFieldNamesAndRefreshTokenMissing_ReportsEveryFailure()
    {
        var options = new SalesforceOptions
        {
            ClientId = "id",
            Flow = SalesforceAuthFlow.RefreshToken,
            LeadFields = new() { ["linkedin"] = "LinkedIn Url__c" },
            WriteBack = new SalesforceWriteBackOptions { ScoreField = "Account.Score__c", VersionField = "Version Field" },
        };

        var result = new SalesforceOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("SyncBridge:Salesforce:WriteBack:VersionField", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("SyncBridge:Salesforce:RefreshToken", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("SyncBridge:Salesforce:LeadFields:linkedin", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("SyncBridge:Salesforce:WriteBack:ScoreField", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSalesforce_BatchSizeOutOfRangeAndNoSecret_FailsAtStartNamingTheSettings()
    {
        using var services = SalesforceTestServices.Build("https://login.salesforce.com", new Dictionary<string, string?>
        {
            ["SyncBridge:Salesforce:QueryBatchSize"] = "5000",
            ["SyncBridge:Salesforce:ClientSecret"] = "",
            ["SyncBridge:Salesforce:MaxConcurrentRequests"] = "30",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SalesforceOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("QueryBatchSize", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxConcurrentRequests", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("SyncBridge:Salesforce:ClientSecret", StringComparison.Ordinal));
    }

    [Fact]
    public void AddSalesforce_CalledTwice_RegistersOneSourcePerObjectAndOneSink()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SyncBridge:Salesforce:ClientId"] = "id",
            ["SyncBridge:Salesforce:ClientSecret"] = "secret",
        }).Build();
        var collection = new ServiceCollection().AddLogging();

        collection.AddSalesforce(configuration);
        collection.AddSalesforce(configuration);
        using var services = collection.BuildServiceProvider();

        Assert.Equal(["salesforce:contacts", "salesforce:leads"], services.GetServices<Core.Sync.IContactSource>().Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Single(services.GetServices<Core.Sync.IContactSink>());
    }
}
