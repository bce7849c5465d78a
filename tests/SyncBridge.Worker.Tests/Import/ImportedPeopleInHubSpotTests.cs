using System.Globalization;
using SyncBridge.Simulators.HubSpot;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Import;

/// <summary>
/// Issue 7, item 2: people known only from an import are created in HubSpot (batch upsert on email, non-marketing, with
/// SyncBridge's properties), and the next poll joins the created contact to the same person. HubSpot is a simulator
/// the test owns (configured as the real API would be); Salesforce is the built-in one.
/// </summary>
public sealed class ImportedPeopleInHubSpotTests : IDisposable
{
    private const string NewEmail = "new.person@example-import.org";
    private readonly string _directory = Directory.CreateTempSubdirectory("syncbridge-import-hs-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private string Database => Path.Combine(_directory, "state.db");

    private async Task<(int Code, string Out, string Err)> RunAsync(Uri hubSpot, params string[] args)
    {
        var config = Path.Combine(_directory, "settings.json");
        var settings = "{\"SyncBridge\":{\"State\":{\"SqlitePath\":\"" + Database.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"}," +
            "\"Simulators\":{\"People\":5},\"HubSpot\":{\"BaseUrl\":\"" + hubSpot + "\",\"AccessToken\":\"test-token\"}}}";
        await File.WriteAllTextAsync(config, settings, Ct);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync([.. args, "--config", config], new CliContext(output, error, TimeProvider.System), Ct);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task ImportThenSync_PersonOnlyInTheFile_GetsOneNonMarketingHubSpotContactJoinedToTheSamePerson()
    {
        await using var sim = await HubSpotSimulator.StartAsync(new HubSpotSimulatorOptions { Contacts = 5, RequestsPer10Seconds = null, SearchRequestsPerSecond = null }, Ct);
        var input = Path.Combine(_directory, "expo.csv");
        await File.WriteAllTextAsync(input, $"""
            source,source_id,email,first_name,last_name,company,title
            expo-2026,A-1,{NewEmail.ToUpperInvariant()},New,Person,Example Import KK,Engineer
            expo-2026,A-2,,No,Email,Example Import KK,Engineer
            """, Ct);
        var before = sim.ContactIds().Count;

        var (code, output, err) = await RunAsync(sim.BaseUrl, "import", "--input", input);
        Assert.True(code == 0, err + output);
        (code, output, err) = await RunAsync(sim.BaseUrl, "sync");
        Assert.True(code == 0, err + output);

        // One contact created (the row without an email is not), non-marketing, with SyncBridge's properties.
        var ids = sim.ContactIds();
        Assert.Equal(before + 1, ids.Count);
        var created = ids.Single(id => string.Equals(sim.GetContact(id)!.GetValueOrDefault("email"), NewEmail, StringComparison.Ordinal));
        var contact = sim.GetContact(created)!;
        Assert.Equal("false", contact["hs_marketable_status"]);
        Assert.False(string.IsNullOrEmpty(contact.GetValueOrDefault("syncbridge_marketing_decision")), "decision written");
        Assert.True(contact.ContainsKey("syncbridge_marketing_reason"));
        Assert.False(string.IsNullOrEmpty(contact.GetValueOrDefault("lifecyclestage")), "stage written");

        // The next poll reads it back: the HubSpot contact and the imported row are one person, and nothing is created again.
        (code, output, err) = await RunAsync(sim.BaseUrl, "sync");
        Assert.True(code == 0, err + output);
        Assert.Equal(before + 1, sim.ContactIds().Count);
        var hubSpotId = created.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(1, SqliteProbe.Scalar(Database, $"SELECT COUNT(*) FROM source_links WHERE system = 'hubspot' AND source_id = '{hubSpotId}';"));
        Assert.Equal(1, SqliteProbe.Scalar(Database, $"""
            SELECT COUNT(DISTINCT person_id) FROM source_links
            WHERE (system = 'hubspot' AND source_id = '{hubSpotId}') OR source_id = 'A-1';
            """));
        Assert.Equal(2, SqliteProbe.Scalar(Database, $"""
            SELECT COUNT(*) FROM source_links
            WHERE person_id = (SELECT person_id FROM source_links WHERE source_id = 'A-1');
            """));
        Assert.Equal("false", sim.GetContact(created)!["hs_marketable_status"]);
    }
}
