using System.Text.RegularExpressions;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary>The <c>import</c> and <c>conflicts</c> verbs against a real SQLite state store in a temp directory.</summary>
public sealed partial class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-import-").FullName;
    private readonly string _config;

    public ImportCommandTests()
    {
        var database = Path.Combine(_directory, "state", "syncbridge.db").Replace("\\", "\\\\", StringComparison.Ordinal);
        _config = Write("settings.json", "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + database + "\"}}}");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", _config], new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Import_SamePersonFromTwoSystems_StoresOnePersonAndTheTitleConflict()
    {
        var input = Write("a.csv", """
            source,source_id,email,full_name,title,country
            hubspot,101,Taro.Yamada@example.jp,山田 太郎,営業部長,JP
            salesforce,00Q1,ＴＡＲＯ．ＹＡＭＡＤＡ＠ＥＸＡＭＰＬＥ．ＪＰ,山田 太郎,Sales Director,JP
            hubspot,102,hanako@example.jp,佐藤 花子,Engineer,JP
            """);

        var (code, output, err) = await RunAsync("import", "--input", input);

        Assert.True(code == 0, err);
        Assert.Contains("imported 3 rows as 2 persons (1 made of several records)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "state", "syncbridge.db")));

        var (listCode, conflicts, _) = await RunAsync("conflicts");
        Assert.Equal(0, listCode);
        Assert.Contains("title", conflicts, StringComparison.Ordinal);
        Assert.Contains("'営業部長'", conflicts, StringComparison.Ordinal);
        Assert.Contains("'Sales Director'", conflicts, StringComparison.Ordinal);
        Assert.Contains("salesforce::00Q1", conflicts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FileAsPositionalArgument_ImportsLikeInput()
    {
        var input = Write("p.csv", """
            source,source_id,email,full_name,country
            hubspot,201,jiro@example.jp,鈴木 次郎,JP
            """);

        var (code, output, err) = await RunAsync("import", input);

        Assert.True(code == 0, err);
        Assert.Contains("imported 1 rows as 1 persons", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Import_FileGivenTwiceOrNotAtAll_IsAUsageError(bool twice)
    {
        var input = Write("q.csv", "source,source_id,email\nhubspot,1,a@example.jp\n");

        var (code, _, err) = twice ? await RunAsync("import", input, "--input", input) : await RunAsync("import");

        Assert.Equal(2, code);
        Assert.Contains("FILE or --input", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_Rows_StoresEachRecordsContactUnderItsPersonForDeciding()
    {
        var input = Write("c.csv", """
            source,source_id,email,full_name,title,country
            hubspot,201,jiro.suzuki@example.jp,鈴木 次郎,CTO,JP
            salesforce,00Q9,JIRO.SUZUKI@example.jp,鈴木 次郎,CTO,JP
            csv,row-3,keiko@example.com,Keiko Ito,Engineer,JP
            """);

        var (code, _, err) = await RunAsync("import", "--input", input);

        Assert.True(code == 0, err);
        var path = Path.Combine(_directory, "state", "syncbridge.db");
        Assert.Equal(3, SqliteProbe.Scalar(path, "SELECT COUNT(*) FROM source_records;"));
        Assert.Equal(2, SqliteProbe.Scalar(path, "SELECT COUNT(DISTINCT person_id) FROM source_records;"));
        Assert.Equal(0, SqliteProbe.Scalar(path, """
            SELECT COUNT(*) FROM source_links l LEFT JOIN source_records r
                ON r.system = l.system AND r.object_type = l.object_type AND r.source_id = l.source_id
            WHERE r.source_id IS NULL OR r.person_id <> l.person_id;
            """));
    }

    [Fact]
    public async Task Import_RecordSeenBefore_JoinsTheStoredPerson()
    {
        var first = Write("first.csv", """
            source,source_id,email,full_name,title
            hubspot,101,taro@example.jp,山田 太郎,部長
            """);
        var second = Write("second.csv", """
            source,source_id,email,full_name,title
            hubspot,101,taro.new@example.jp,山田 太郎,本部長
            """);

        Assert.Equal(0, (await RunAsync("import", "--input", first)).Code);
        Assert.Equal(0, (await RunAsync("import", "--input", second)).Code);
        var third = Write("third.csv", """
            source,source_id,email,full_name,title
            salesforce,003X,taro@example.jp,山田 太郎,Director
            salesforce,003Y,taro.new@example.jp,山田 太郎,Director
            """);
        var (code, output, err) = await RunAsync("import", "--input", third);
        Assert.True(code == 0, err);

        // Both addresses belong to the person stored first (joined through HubSpot record 101), so the two
        // Salesforce records, unrelated within this file, land on that one stored person.
        Assert.Contains("imported 2 rows as 1 persons (0 made of several records)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_SameRecordTwiceWithNewTitle_RecordsTheConflictUnderOneStoredPerson()
    {
        var both = Write("both.csv", """
            source,source_id,email,full_name,title
            hubspot,101,taro@example.jp,山田 太郎,部長
            salesforce,003X,taro@example.jp,山田 太郎,本部長
            """);
        Assert.Equal(0, (await RunAsync("import", "--input", both)).Code);
        Assert.Equal(0, (await RunAsync("import", "--input", both)).Code);

        var (_, conflicts, _) = await RunAsync("conflicts");
        var ids = PersonId().Matches(conflicts).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.Single(ids);
        Assert.Contains("2 conflicts", conflicts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicts_EmptyStore_ReportsNone()
    {
        var (code, output, _) = await RunAsync("conflicts");
        Assert.Equal(0, code);
        Assert.Contains("0 conflicts", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("p_[0-9a-f]{16}")]
    private static partial Regex PersonId();
}
