using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Tests.Reporting;

public sealed class ReportFormatTests
{
    [Theory]
    [InlineData("270000", "JPY", "270,000 JPY")]
    [InlineData("1200.5", "USD", "1,200.50 USD")]
    [InlineData("-90000", "JPY", "-90,000 JPY")]
    [InlineData("0.25", "", "0.25")]
    public void Money_WholeAmountsWithoutDecimalsOthersWithTwo(string amount, string currency, string expected) =>
        Assert.Equal(expected, ReportFormat.Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
}
