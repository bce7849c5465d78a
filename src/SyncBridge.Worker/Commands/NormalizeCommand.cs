using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Normalization;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Normalize;

namespace SyncBridge.Worker.Commands;

/// <summary><c>normalize --input in.csv --output out.csv</c>: the normalization and identity contract as a file transform.</summary>
internal static class NormalizeCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Option<FileInfo>("--input", "-i")
        {
            Description = "Contacts CSV with a header row (source,source_id,email,first_name,last_name,full_name,phone,mobile,company,website,title,department,country; any order; other columns are passed through).",
            Required = true,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Where to write the normalized CSV ('-' for standard output).",
            Required = true,
        };
        var command = new Command("normalize", "Normalize contacts (email, phone, names, company, country, seniority, department) and resolve them to persons; writes every input column plus the normalized ones and a person_id.")
        {
            input,
            output,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var inputFile = parse.GetRequiredValue(input);
            var outputPath = parse.GetRequiredValue(output);
            using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] });
            if (host is null)
            {
                return Task.FromResult(ExitCodes.Configuration);
            }

            if (!inputFile.Exists)
            {
                context.Error.WriteLine($"error: input file not found: {inputFile.FullName}");
                return Task.FromResult(ExitCodes.Failure);
            }

            var runner = new NormalizeRunner(host.Services.GetRequiredService<ContactNormalizer>(), context.Error, context.Time);
            NormalizeSummary summary;
            try
            {
                var writer = NormalizeRunner.OpenOutput(outputPath, context.Output);
                try
                {
                    summary = runner.Run(inputFile.FullName, writer, cancellationToken);
                }
                finally
                {
                    if (!ReferenceEquals(writer, context.Output))
                    {
                        writer.Dispose();
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                context.Error.WriteLine($"error: {ex.Message}");
                return Task.FromResult(ExitCodes.Failure);
            }

            (outputPath == "-" ? context.Error : context.Output).WriteLine(summary.ToString());
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
