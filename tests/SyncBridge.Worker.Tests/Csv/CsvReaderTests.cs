using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Tests.Csv;

public sealed class CsvReaderTests
{
    private static List<CsvRecord> ReadAll(string text)
    {
        using var reader = new CsvReader(new StringReader(text));
        var records = new List<CsvRecord>();
        while (reader.TryRead(out var record))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public void TryRead_PlainFields_SplitsOnCommas()
    {
        var records = ReadAll("a,b,c\n1,2,3\n");
        Assert.Equal(2, records.Count);
        Assert.Equal(["1", "2", "3"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void TryRead_QuotedFieldWithCommaQuoteAndNewline_KeepsThemInTheField()
    {
        var records = ReadAll("a,b\n\"x, y\",\"say \"\"hi\"\"\nthere\"\nnext,row\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "say \"hi\"\nthere"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
        Assert.Equal(["next", "row"], records[2].Fields);
    }

    [Fact]
    public void TryRead_CrLfLineEndings_AreRecordSeparatorsAndKeptInsideQuotes()
    {
        var records = ReadAll("a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n");
        Assert.Equal(3, records.Count);
        Assert.Equal("x\r\ny", records[1].Fields[1]);
        Assert.Equal(["2", "z"], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void TryRead_NoTrailingNewline_ReadsLastRecord()
    {
        var records = ReadAll("a,b\n1,2");
        Assert.Equal(["1", "2"], records[1].Fields);
    }

    [Fact]
    public void TryRead_EmptyFieldsAndTrailingComma_AreEmptyStrings()
    {
        var records = ReadAll("a,b,c\n,,\n\"\",x,\n");
        Assert.Equal(["", "", ""], records[1].Fields);
        Assert.Equal(["", "x", ""], records[2].Fields);
    }

    [Fact]
    public void TryRead_BlankLines_AreSkippedButCounted()
    {
        var records = ReadAll("a\n\n1\n\n\n2\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(3, records[1].Line);
        Assert.Equal(6, records[2].Line);
    }

    [Fact]
    public void TryRead_QuoteOpenAtEndOfFile_MakesTheRestOneMalformedRecordNamingItsLines()
    {
        var records = ReadAll("a,b\n0,ok\n1,\"broken\n2,inside\n");
        Assert.Equal(3, records.Count);
        Assert.Equal(["0", "ok"], records[1].Fields);
        Assert.True(records[2].IsMalformed);
        Assert.Equal(3, records[2].Line);
        Assert.Contains("lines 3–4", records[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_StrayQuoteClosedByALaterRow_IsReportedAndTheSwallowedRowsAreReadAgain()
    {
        // The stray quote on line 2 closes at the first quote of line 5, where text follows it: the signature of a stray quote.
        var records = ReadAll("a,b\n1,\"stray\n2,ok\n3,fine\n\"4\",x\n");
        Assert.True(records[1].IsMalformed);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(["2", "ok"], records[2].Fields);
        Assert.Equal(3, records[2].Line);
        Assert.Equal(["3", "fine"], records[3].Fields);
        Assert.Equal(["4", "x"], records[4].Fields);
        Assert.Equal(5, records[4].Line);
    }

    [Fact]
    public void TryRead_TextAfterClosingQuote_IsMalformed()
    {
        var records = ReadAll("a,b\n\"x\"y,1\n2,3\n");
        Assert.True(records[1].IsMalformed);
        Assert.Equal(2, records[1].Line);
        Assert.False(records[2].IsMalformed);
        Assert.Equal(["2", "3"], records[2].Fields);
    }

    [Fact]
    public void Reject_WellFormedRecord_KeepsItsLineAndDropsItsFields()
    {
        using var reader = new CsvReader(new StringReader("a,b\n1,\"x\n2\",y\n3,z\n"));
        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out var record));
        Assert.Equal(3, record.Fields.Count);
        var rejected = CsvReader.Reject(record, "expected 2 fields, found 3");
        Assert.True(rejected.IsMalformed);
        Assert.Equal(2, rejected.Line);
        Assert.Empty(rejected.Fields);

        // A multi-line record with a closed quote is one record: the read goes on after it.
        Assert.True(reader.TryRead(out var last));
        Assert.Equal(["3", "z"], last.Fields);
        Assert.Equal(4, last.Line);
    }

    [Fact]
    public void TryRead_QuoteSpanningTooManyLines_IsCutAndRecovered()
    {
        var lines = string.Join('\n', Enumerable.Range(0, CsvReader.MaxLinesPerRecord + 10).Select(i => $"{i},v"));
        var records = ReadAll("a,b\n1,\"open\n" + lines + "\n");
        Assert.True(records[1].IsMalformed);
        Assert.Equal(CsvReader.MaxLinesPerRecord + 10 + 2, records.Count);
        Assert.All(records.Skip(2), r => Assert.False(r.IsMalformed));
    }
}
