using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Tests.Identity;

public sealed class MergePolicyOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new MergePolicyOptionsValidator().Validate(null, new MergePolicyOptions());
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_EveryProblem_ReportedWithItsKey()
    {
        var options = new MergePolicyOptions
        {
            DefaultRule = "Newest",
            Properties = new(StringComparer.OrdinalIgnoreCase)
            {
                ["title"] = "PreferSource:zoho",
                ["shoe_size"] = "MostRecentWins",
                ["lifecycle_stage"] = "MostRecentWins",
                ["phone"] = "PreferSource:salesforce",
            },
        };

        var result = new MergePolicyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.StartsWith("SyncBridge:Merge:DefaultRule:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncBridge:Merge:Properties:title:", StringComparison.Ordinal) && f.Contains("zoho", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncBridge:Merge:Properties:shoe_size:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("SyncBridge:Merge:Properties:lifecycle_stage:", StringComparison.Ordinal));
    }

    [Fact]
    public void AddMergePolicy_BadSetting_FailsWhenOptionsAreCreated()
    {
        var services = new ServiceCollection()
            .AddMergePolicy(o => o.Properties["title"] = "PreferSource:zoho")
            .AddMergePolicy();

        var error = Assert.Throws<OptionsValidationException>(() => Factory(services).Create(Options.DefaultName));
        Assert.Contains("SyncBridge:Merge:Properties:title", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMergePolicy_GoodSettings_BuildThePolicy()
    {
        var services = new ServiceCollection().AddMergePolicy(o =>
        {
            o.DefaultRule = "PreferSource:hubspot";
            o.Properties["Title"] = "SourceOfTruth:salesforce";
        });

        var policy = MergePolicy.FromOptions(Factory(services).Create(Options.DefaultName));

        Assert.Equal(MergeRule.PreferSource(SourceSystem.HubSpot), policy.RuleFor(ContactProperties.Email));
        Assert.Equal(MergeRule.SourceOfTruth(SourceSystem.Salesforce), policy.RuleFor(ContactProperties.Title));
    }

    [Fact]
    public void AddMergePolicy_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddMergePolicy().AddMergePolicy();

        Assert.Single(services, d => d.ServiceType == typeof(PersonMerger));
        Assert.Single(services, d => d.ServiceType == typeof(MergePolicy));
        Assert.Single(services, d => d.ImplementationType == typeof(MergePolicyOptionsValidator));
    }

    /// <summary>The options factory the container would build from these registrations (no container in Core's tests).</summary>
    private static OptionsFactory<MergePolicyOptions> Factory(IServiceCollection services)
    {
        var configures = services
            .Where(d => d.ServiceType == typeof(IConfigureOptions<MergePolicyOptions>))
            .Select(d => (IConfigureOptions<MergePolicyOptions>)d.ImplementationInstance!);
        var validators = services
            .Where(d => d.ServiceType == typeof(IValidateOptions<MergePolicyOptions>))
            .Select(d => (IValidateOptions<MergePolicyOptions>)(d.ImplementationInstance ?? Activator.CreateInstance(d.ImplementationType!)!));
        return new OptionsFactory<MergePolicyOptions>(configures, [], validators);
    }

    [Fact]
    public void FromOptions_Invalid_Throws()
    {
        var options = new MergePolicyOptions { DefaultRule = "PreferSource" };
        Assert.Throws<ArgumentException>(() => MergePolicy.FromOptions(options));
    }
}
