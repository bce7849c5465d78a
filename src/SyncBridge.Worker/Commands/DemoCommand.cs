using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Demo;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Normalize;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>demo [--people N] [--out DIR] [--report FILE] [--serve] [--verbose]</c>: runs SyncBridge on embedded defaults with
/// no accounts and no servers — the bundled sample through normalization, then the whole sync path against the built-in
/// simulators (<see cref="DemoRunner"/>) with progress bars — and ends with a summary and the HTML report.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var outputDirectory = new Option<DirectoryInfo>("--out")
        {
            Description = "Where the demo writes its files (state store, normalized sample, report).",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("out", "demo")),
        };
        var people = new Option<int>("--people")
        {
            Description = "How many synthetic people the simulators hold (they overlap between HubSpot and Salesforce).",
            DefaultValueFactory = _ => DemoOptions.DefaultPeople,
        };
        people.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is < 1 or > 200_000)
            {
                result.AddError("--people must be between 1 and 200000.");
            }
        });
        var report = new Option<FileInfo?>("--report") { Description = "The HTML report's path (default: syncbridge-report.html in the current directory)." };
        var serve = new Option<bool>("--serve") { Description = "Keep the status page up afterwards (until Ctrl+C)." };
        var verbose = new Option<bool>("--verbose") { Description = "Show the worker's information logs while it works." };
        var command = new Command("demo", "Run on embedded defaults (no accounts, no servers): start the built-in HubSpot and Salesforce simulators with a synthetic population, read it through the real connectors, de-duplicate, decide every person, send the lifecycle updates back through the embedded queue, print a summary and write the HTML report.")
        {
            outputDirectory,
            people,
            report,
            serve,
            verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configFiles = parse.GetValue(GlobalOptions.Config) ?? [];
            var directory = parse.GetRequiredValue(outputDirectory);
            var options = new DemoOptions
            {
                People = parse.GetValue(people),
                Directory = directory,
                ReportFile = parse.GetValue(report),
                Serve = parse.GetValue(serve),
                Verbose = parse.GetValue(verbose),
                ConfigFiles = configFiles,
            };
            var code = NormalizeSample(context, configFiles, directory, cancellationToken);
            if (code != ExitCodes.Success)
            {
                return code;
            }

            var (exitCode, _) = await DemoRunner.RunAsync(context, options, null, cancellationToken).ConfigureAwait(false);
            return exitCode;
        });
        return command;
    }

    /// <summary>The first step: the bundled sample file through normalization and identity resolution, as <c>normalize</c> does.</summary>
    private static int NormalizeSample(CliContext context, IReadOnlyList<string> configFiles, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = configFiles });
        if (host is null)
        {
            return ExitCodes.Configuration;
        }

        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "contacts-sample.csv");
        directory.Create();
        var normalizedPath = Path.Combine(directory.FullName, "normalized.csv");
        var runner = new NormalizeRunner(host.Services.GetRequiredService<ContactNormalizer>(), context.Error, context.Time);
        NormalizeSummary summary;
        using (var writer = new StreamWriter(normalizedPath, append: false, new UTF8Encoding(false)))
        {
            summary = runner.Run(sample, writer, cancellationToken);
        }

        context.Output.WriteLine($"sample file: {summary} -> {normalizedPath}");
        return ExitCodes.Success;
    }
}
