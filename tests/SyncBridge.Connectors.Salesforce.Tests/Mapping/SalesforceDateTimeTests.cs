using SyncBridge.Connectors.Salesforce.Mapping;

namespace SyncBridge.Connectors.Salesforce.Tests.Mapping;

public sealed class SalesforceDateTimeTests
{
    [Theory]
    [InlineData("2017-04-25T16:21:44.000+0000", "2017-04-25T16:21:44.0000000+00:00")]
    [InlineData("2013-05-07T22:07:19.123+0900", "2013-05-07T13:07:19.1230000+00:00")]
    [InlineData("2026-11-01T09:30:00.000Z", "2026-11-01T09:30:00.0000000+00:00")]
    [InlineData("2026-11-01T09:30:00+00:00", "2026-11-01T09:30:00.0000000+00:00")]
    [InlineData("2010-01-01", "2010-01-01T00:00:00.0000000+00:00")]
    public void TryParse_SalesforceForms_ReadsTheInstantInUtc(string text, string expected)
    {
        Assert.True(SalesforceDateTime.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(TimeSpan.Zero, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2017-13-25T16:21:44.000+0000")]
    public void TryParse_NotADateTime_ReturnsFalse(string text) => Assert.False(SalesforceDateTime.TryParse(text, out _));

    [Fact]
    public void Format_AnyOffset_WritesUtcWithMilliseconds() =>
        Assert.Equal("2026-11-01T00:30:00.250Z", SalesforceDateTime.Format(new DateTimeOffset(2026, 11, 1, 9, 30, 0, 250, TimeSpan.FromHours(9))));
}
