using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;

namespace SyncBridge.Core.Tests.Identity;

public sealed class MergeRuleTests
{
    [Theory]
    [InlineData("MostRecentWins", MergeRuleKind.MostRecentWins, SourceSystem.Unknown)]
    [InlineData(" dontsync ", MergeRuleKind.DontSync, SourceSystem.Unknown)]
    [InlineData("PreferSource:salesforce", MergeRuleKind.PreferSource, SourceSystem.Salesforce)]
    [InlineData("SourceOfTruth: HubSpot", MergeRuleKind.SourceOfTruth, SourceSystem.HubSpot)]
    public void TryParse_ValidText_GivesTheRule(string text, MergeRuleKind kind, SourceSystem source)
    {
        Assert.True(MergeRule.TryParse(text, out var rule, out var error));
        Assert.Null(error);
        Assert.Equal(new MergeRule(kind, source), rule);
    }

    [Theory]
    [InlineData("", "unknown merge rule")]
    [InlineData("Newest", "unknown merge rule")]
    [InlineData("1", "unknown merge rule")]
    [InlineData("PreferSource", "needs a source")]
    [InlineData("PreferSource:zoho", "unknown source 'zoho'")]
    [InlineData("DontSync:hubspot", "takes no source")]
    public void TryParse_InvalidText_SaysWhy(string text, string expected)
    {
        Assert.False(MergeRule.TryParse(text, out var rule, out var error));
        Assert.Null(rule);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsTheConfigurationForm()
    {
        Assert.Equal("PreferSource:salesforce", MergeRule.PreferSource(SourceSystem.Salesforce).ToString());
        Assert.Equal("MostRecentWins", MergeRule.MostRecentWins.ToString());
    }
}
