using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Storage;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Import;

namespace SyncBridge.Worker.Commands;

/// <summary><c>import FILE.csv</c> (or <c>--input FILE.csv</c>): resolve a contacts file to persons and keep them in the state store.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE")
        {
            Description = "Contacts CSV in the normalize input format (or give it with --input).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var input = new Option<FileInfo?>("--input", "-i")
        {
            Description = "Contacts CSV in the normalize input format (the same as FILE).",
        };
        var command = new Command("import", "Normalize a contacts CSV, resolve it to persons (joining persons stored before), merge each person's records with the merge policy, and store persons, source links and merge conflicts in the state store.")
        {
            file,
            input,
        };
        command.Validators.Add(result =>
        {
            var given = (result.GetResult(file) is { Tokens.Count: > 0 } ? 1 : 0) + (result.GetResult(input) is { Implicit: false } ? 1 : 0);
            if (given != 1)
            {
                result.AddError("import: give the contacts file once, as FILE or --input FILE.");
            }
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var inputFile = parse.GetValue(file) ?? parse.GetValue(input)!;
            using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] });
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            if (!inputFile.Exists)
            {
                context.Error.WriteLine($"error: input file not found: {inputFile.FullName}");
                return ExitCodes.Failure;
            }

            var services = host.Services;
            var importer = new ContactImporter(
                services.GetRequiredService<ContactNormalizer>(),
                services.GetRequiredService<PersonMerger>(),
                services.GetRequiredService<IIdentityStore>(),
                services.GetRequiredService<SyncBridge.Core.Sync.IContactStore>(),
                context.Error,
                context.Time);
            try
            {
                var summary = await importer.ImportAsync(inputFile.FullName, cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine(summary.ToString());
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or StateStoreException)
            {
                context.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
