using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Tests.Contacts;

public sealed class LifecycleStageNamesTests
{
    [Theory]
    [InlineData(LifecycleStage.Subscriber)]
    [InlineData(LifecycleStage.Lead)]
    [InlineData(LifecycleStage.MarketingQualifiedLead)]
    [InlineData(LifecycleStage.SalesQualifiedLead)]
    [InlineData(LifecycleStage.Opportunity)]
    [InlineData(LifecycleStage.Customer)]
    [InlineData(LifecycleStage.Evangelist)]
    [InlineData(LifecycleStage.Other)]
    public void TryParse_WireName_RoundTrips(LifecycleStage stage)
    {
        Assert.True(LifecycleStageNames.TryParse(stage.ToWireName(), out var parsed));
        Assert.Equal(stage, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("prospect")]
    [InlineData(null)]
    public void TryParse_UnknownOrBlank_ReturnsFalse(string? value) =>
        Assert.False(LifecycleStageNames.TryParse(value, out _));

    [Fact]
    public void Order_IsForwardFromSubscriberToEvangelist()
    {
        Assert.True(LifecycleStage.Subscriber < LifecycleStage.Lead);
        Assert.True(LifecycleStage.Opportunity < LifecycleStage.Customer);
        Assert.True(LifecycleStage.Customer < LifecycleStage.Evangelist);
        Assert.False(LifecycleStage.Other.IsOrdered());
    }
}
