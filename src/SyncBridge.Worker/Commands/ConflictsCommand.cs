using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Identity;
using SyncBridge.Storage;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Commands;

/// <summary><c>conflicts [--person ID] [--limit N]</c>: the merge conflicts recorded in the state store, so RevOps can see what disagreed and what won.</summary>
internal static class ConflictsCommand
{
    public static Command Create(CliContext context)
    {
        var person = new Option<string?>("--person") { Description = "Only this person's conflicts (a person_id)." };
        var limit = new Option<int>("--limit") { Description = "At most this many conflicts.", DefaultValueFactory = _ => 100 };
        var command = new Command("conflicts", "List merge conflicts from the state store: the person, the property, every system's value with its time, the value chosen and the rule that chose it.")
        {
            person,
            limit,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] });
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            var store = host.Services.GetRequiredService<IIdentityStore>();
            try
            {
                var conflicts = await store.ListConflictsAsync(parse.GetValue(person), Math.Max(1, parse.GetValue(limit)), cancellationToken).ConfigureAwait(false);
                foreach (var conflict in conflicts)
                {
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{conflict.PersonId}  {conflict.Property}  chose '{conflict.ChosenValue}' by {conflict.Rule}  at {conflict.DetectedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
                    foreach (var candidate in conflict.Candidates)
                    {
                        context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"    {candidate.Source.System.ToName()}:{candidate.Source.ObjectType}:{candidate.Source.Id}  '{candidate.Value}'  changed {candidate.ChangedAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(unknown)"}"));
                    }
                }

                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{conflicts.Count} conflicts"));
                return ExitCodes.Success;
            }
            catch (StateStoreException ex)
            {
                context.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
