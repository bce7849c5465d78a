using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Tests.Csv;

public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" spaced ", " spaced ")]
    [InlineData("", "")]
    [InlineData("山田　太郎", "山田　太郎")]
    public void WriteRecord_QuotesOnlyWhenNeeded(string field, string expected)
    {
        var output = new StringWriter();
        new CsvWriter(output).WriteRecord([field, "x"]);
        Assert.Equal(expected + ",x\n", output.ToString());
    }

    [Fact]
    public void WriteRecord_ThenRead_RoundTrips()
    {
        string[] fields = ["a,b", "\"q\"", "multi\nline", "", "ｶﾀｶﾅ"];
        var output = new StringWriter();
        new CsvWriter(output).WriteRecord(fields);
        using var reader = new CsvReader(new StringReader(output.ToString()));
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(fields, record.Fields);
    }
}
