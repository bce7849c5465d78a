using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Csv;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Normalize;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>demo</c>: runs SyncBridge on embedded defaults with no accounts and no servers — normalization and identity
/// resolution of the bundled sample contacts, then the sync path against the built-in simulators (poll, resolve,
/// decide, outbox, queue, apply) — and prints what each step did.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var outputDirectory = new Option<DirectoryInfo>("--out")
        {
            Description = "Where the demo writes its files.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")),
        };
        var command = new Command("demo", "Run on embedded defaults (no accounts, no servers): normalize and resolve the bundled sample contacts, then sync the built-in HubSpot and Salesforce simulators, decide every person and send the lifecycle updates back through the embedded queue.")
        {
            outputDirectory,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] });
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            var sample = Path.Combine(AppContext.BaseDirectory, "samples", "contacts-sample.csv");
            var directory = parse.GetRequiredValue(outputDirectory);
            directory.Create();
            var normalizedPath = Path.Combine(directory.FullName, "normalized.csv");

            var runner = new NormalizeRunner(host.Services.GetRequiredService<ContactNormalizer>(), context.Error, context.Time);
            NormalizeSummary summary;
            using (var writer = new StreamWriter(normalizedPath, append: false, new UTF8Encoding(false)))
            {
                summary = runner.Run(sample, writer, cancellationToken);
            }

            context.Output.WriteLine($"input:  {sample}");
            context.Output.WriteLine($"output: {normalizedPath}");
            context.Output.WriteLine(summary.ToString());
            context.Output.WriteLine();
            PrintPersons(context.Output, normalizedPath);
            return await SyncFromSimulatorsAsync(context, directory, parse.GetValue(GlobalOptions.Config) ?? [], cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// The second half of the demo: the built-in HubSpot and Salesforce simulators (same fictional people, formatted
    /// differently), read through the real connectors into a fresh state store, decided, and the resulting lifecycle
    /// updates sent back to the simulators through the embedded queue, as <c>sync</c> does.
    /// </summary>
    private static async Task<int> SyncFromSimulatorsAsync(CliContext context, DirectoryInfo directory, IReadOnlyList<string> configFiles, CancellationToken cancellationToken)
    {
        var database = Path.Combine(directory.FullName, "state.db");
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        var overrides = new Dictionary<string, string?>
        {
            ["SyncBridge:State:SqlitePath"] = database,
            ["SyncBridge:Simulators:Enabled"] = "true",
            ["SyncBridge:HubSpot:AccessToken"] = string.Empty,
            ["SyncBridge:HubSpot:OAuth:RefreshToken"] = string.Empty,
            ["SyncBridge:Salesforce:ClientId"] = string.Empty,
        };
        context.Output.WriteLine();
        context.Output.WriteLine("syncing the built-in HubSpot and Salesforce simulators (no accounts needed):");
        await using var connected = await ConnectedHost.TryStartAsync(context, new HostSettings { ConfigFiles = configFiles, Overrides = overrides }, cancellationToken).ConfigureAwait(false);
        if (connected is null)
        {
            return ExitCodes.Configuration;
        }

        var code = await SyncCommand.RunAllAsync(context, connected, cancellationToken).ConfigureAwait(false);
        var persons = await connected.Services.GetRequiredService<SyncBridge.Core.Identity.IIdentityStore>().CountPersonsAsync(cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"persons in the state store after both CRMs: {persons} (records of the same human in HubSpot and Salesforce resolve to one person)");
        await SyncCommand.DecideAndApplyAsync(context, connected, cancellationToken).ConfigureAwait(false);
        context.Output.WriteLine($"state store: {database}");
        return code;
    }

    private static void PrintPersons(TextWriter output, string normalizedPath)
    {
        using var reader = new CsvReader(new StreamReader(normalizedPath, Encoding.UTF8));
        if (!reader.TryRead(out var headerRecord))
        {
            return;
        }

        var header = new CsvHeader(headerRecord.Fields);
        int Col(string name) => header.IndexOf(name);
        var persons = new SortedDictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        while (reader.TryRead(out var record))
        {
            var id = CsvHeader.Get(record.Fields, Col("person_id"));
            if (!persons.TryGetValue(id, out var rows))
            {
                persons[id] = rows = [];
            }

            rows.Add(record.Fields);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"person_id",-20} {"records",7}  {"sources",-28} {"name",-18} {"company_key",-16} {"seniority",-22} department"));
        foreach (var (id, rows) in persons)
        {
            var first = rows[0];
            var sources = string.Join('+', rows.Select(r => CsvHeader.Get(r, Col("source"))).Distinct(StringComparer.Ordinal));
            var name = $"{CsvHeader.Get(first, Col("family_name"))} {CsvHeader.Get(first, Col("given_name"))}".Trim();
            var company = rows.Select(r => CsvHeader.Get(r, Col("company_key"))).FirstOrDefault(k => k.Length > 0) ?? string.Empty;
            var seniority = rows.Select(r => CsvHeader.Get(r, Col("seniority"))).FirstOrDefault(s => s is not ("" or "unknown")) ?? "unknown";
            var department = rows.Select(r => CsvHeader.Get(r, Col("department_normalized"))).FirstOrDefault(d => d.Length > 0) ?? string.Empty;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id,-20} {rows.Count,7}  {sources,-28} {name,-18} {company,-16} {seniority,-22} {department}"));
        }
    }
}
