using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Sync;
using SyncBridge.Storage;
using SyncBridge.Worker.DropFolder;

namespace SyncBridge.Worker.Tests.DropFolder;

/// <summary>The CSV drop folder source through the real engine intake and a real SQLite state store.</summary>
public sealed class CsvDropFolderSourceTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-drop-").FullName;
    private readonly string _folder;
    private readonly ServiceProvider _services;

    public CsvDropFolderSourceTests()
    {
        _folder = Directory.CreateDirectory(Path.Combine(_directory, "drop")).FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SyncBridge:State:SqlitePath"] = Path.Combine(_directory, "state.db"),
                ["SyncBridge:DropFolder:Path"] = _folder,
                ["SyncBridge:DropFolder:MinFileAge"] = "00:00:00",
                ["SyncBridge:DropFolder:PageSize"] = "2",
            })
            .Build();
        _services = new ServiceCollection().AddLogging().AddSqliteStateStore(configuration).AddDropFolder(configuration).AddSingleton<SourceIngestor>().BuildServiceProvider();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Drop(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<IngestSummary> IngestAsync() =>
        _services.GetRequiredService<SourceIngestor>().IngestAsync(_services.GetRequiredService<CsvDropFolderSource>(), Ct);

    [Fact]
    public async Task Ingest_GoodFile_StoresItsPeopleAsImportRecordsAndMovesItToProcessedSoItIsReadOnce()
    {
        Drop("expo.csv", """
            source,source_id,email,first_name,last_name,company
            expo-2026,A-1,ada@example.org,Ada,Lovelace,Analytical KK
            expo-2026,A-2,grace@example.org,Grace,Hopper,Navy KK
            ,,alan@example.org,Alan,Turing,Bletchley KK
            """);

        var first = await IngestAsync();

        Assert.Equal(3, first.Contacts);
        Assert.Equal(0, first.Errors);
        Assert.Equal(2, first.Pages);
        Assert.False(File.Exists(Path.Combine(_folder, "expo.csv")));
        Assert.True(File.Exists(Path.Combine(_folder, CsvDropFolderSource.ProcessedFolder, "expo.csv")));
        Assert.Equal(3, await _services.GetRequiredService<IIdentityStore>().CountPersonsAsync(Ct));
        var linked = await _services.GetRequiredService<IContactStore>().ListChangedPersonsAsync(0, 100, Ct);
        var stored = await _services.GetRequiredService<IContactStore>().GetContactsOfPersonsAsync(linked.PersonIds, Ct);
        Assert.Equal(
            ["csv:dropfolder:email:alan@example.org", "csv:expo-2026:A-1", "csv:expo-2026:A-2"],
            stored.Values.SelectMany(records => records).Select(record => record.Source.ToString()).Order(StringComparer.Ordinal));

        var second = await IngestAsync();
        Assert.Equal(0, second.Contacts);
        Assert.Equal(0, second.Pages);
    }

    [Fact]
    public async Task Ingest_FileWithMalformedRows_ImportsTheGoodRowsReportsFileAndLineAndMovesItToFailedWithAReport()
    {
        Drop("bad.csv", "source,source_id,email,first_name\nexpo,B-1,one@example.org,One\nexpo,B-2,\"unterminated,Two\nexpo,B-3,three@example.org\n");
        Drop("good.csv", "source,source_id,email\nexpo,C-1,four@example.org\n");
        var errors = new List<RecordError>();
        var source = _services.GetRequiredService<CsvDropFolderSource>();
        var contacts = new List<CanonicalContact>();
        await foreach (var page in source.ReadChangesAsync(null, Ct))
        {
            contacts.AddRange(page.Contacts);
            errors.AddRange(page.Errors);
        }

        Assert.Contains(contacts, contact => contact.Email.Normalized == "one@example.org");
        Assert.Contains(contacts, contact => contact.Email.Normalized == "four@example.org");
        Assert.NotEmpty(errors);
        Assert.All(errors, error =>
        {
            Assert.Equal("csv:dropfolder", error.Source);
            Assert.Matches(@"^bad\.csv:\d+$", error.Location);
        });
        var failed = Path.Combine(_folder, CsvDropFolderSource.FailedFolder, "bad.csv");
        Assert.True(File.Exists(failed));
        var report = await File.ReadAllTextAsync(failed + ".error.txt", Ct);
        Assert.Contains(errors[0].Location, report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, CsvDropFolderSource.ProcessedFolder, "good.csv")));
        Assert.Empty(Directory.GetFiles(_folder, "*.csv"));
    }

    [Fact]
    public async Task Ingest_FileWithoutHeader_IsARecordErrorAndMovesToFailed()
    {
        Drop("empty.csv", string.Empty);

        var summary = await IngestAsync();

        Assert.Equal(1, summary.Errors);
        Assert.True(File.Exists(Path.Combine(_folder, CsvDropFolderSource.FailedFolder, "empty.csv.error.txt")));
    }

    [Fact]
    public void Validate_FolderMissing_FailsNamingTheSetting()
    {
        var result = new DropFolderOptionsValidator().Validate(null, new DropFolderOptions { Path = Path.Combine(_directory, "nope") });

        Assert.True(result.Failed);
        Assert.Contains("SyncBridge:DropFolder:Path", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new DropFolderOptionsValidator().Validate(null, new DropFolderOptions { Path = _folder }).Succeeded);
    }

    [Fact]
    public void AddDropFolder_NoPath_RegistersNoSource()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLogging().AddDropFolder(configuration).BuildServiceProvider();

        Assert.Empty(provider.GetServices<IContactSource>());
        Assert.Contains(_services.GetServices<IContactSource>(), source => source.Name == "csv:dropfolder");
        Assert.NotNull(_services.GetRequiredService<IOptions<DropFolderOptions>>().Value.Path);
    }
}
