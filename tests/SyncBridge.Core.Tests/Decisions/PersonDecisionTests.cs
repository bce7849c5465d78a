using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Tests.Decisions;

public sealed class PersonDecisionTests
{
    [Theory]
    [InlineData(42.0, "42.00")]
    [InlineData(12.345, "12.35")]
    [InlineData(-12.345, "-12.35")]
    [InlineData(0.004, "0.00")]
    [InlineData(-0.004, "0.00")]
    [InlineData(-0.0, "0.00")]
    public void ScoreText_FiniteScore_TwoDecimalsRoundedAwayFromZero(double score, string expected)
    {
        Assert.Equal(expected, Decision(score).ScoreText);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e16)]
    public void ScoreText_NotAFiniteUsableScore_IsNull(double score)
    {
        Assert.Null(Decision(score).ScoreText);
    }

    [Fact]
    public void ScoreText_UnderAnotherCulture_StillInvariant()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal("1234.50", Decision(1234.5).ScoreText);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static PersonDecision Decision(double score) => new() { PersonId = "p", Email = string.Empty, Score = score };
}
