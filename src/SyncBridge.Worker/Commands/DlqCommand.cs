using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>dlq list | replay --id ID… | replay --all | purge --id ID…</c>: the dead-lettered updates of the configured
/// queue. An id is a message id as <c>dlq list</c> prints it, or a unique prefix of at least 8 characters.
/// </summary>
internal static class DlqCommand
{
    private const int MinPrefix = 8;
    private const int ScanLimit = 100_000;

    public static Command Create(CliContext context)
    {
        var command = new Command("dlq", "Dead-lettered updates: list them with their reason and first error, replay them after a fix, or purge them.");
        command.Subcommands.Add(CreateList(context));
        command.Subcommands.Add(CreateReplay(context));
        command.Subcommands.Add(CreatePurge(context));
        return command;
    }

    private static Command CreateList(CliContext context)
    {
        var max = new Option<int>("--max") { Description = "At most this many dead letters (oldest first).", DefaultValueFactory = _ => 100 };
        var format = new Option<string>("--format") { Description = "text (one line each and a count per reason) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("list", "List dead letters: message id, reason, person key, target, version, deliveries, when, and the first error.") { max, format };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost(context, parse);
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            var letters = await host.Services.GetRequiredService<IDeadLetterStore>().ListDeadLettersAsync(Math.Max(1, parse.GetValue(max)), cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Output, letters);
                return ExitCodes.Success;
            }

            foreach (var letter in letters)
            {
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{letter.MessageId}  {letter.Reason}  person {letter.PersonKey}  {letter.Target}  v{letter.Version}  deliveries {letter.DeliveryCount}  at {letter.DeadLetteredAt:yyyy-MM-dd'T'HH:mm:ss'Z'}  error: {OneLine(letter.Description)}"));
            }

            var byReason = letters.GroupBy(l => l.Reason, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"));
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{letters.Count} dead letters") + (letters.Count > 0 ? " (" + string.Join(", ", byReason) + ")" : string.Empty));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateReplay(CliContext context)
    {
        var ids = new Option<string[]>("--id") { Description = "A dead letter's message id (or a unique prefix of 8+ characters). Repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Replay every dead letter." };
        var command = new Command("replay", "Put dead letters back on the queue with a fresh delivery count (after fixing what made them fail). The consumer skips any whose version was superseded meanwhile.") { ids, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(ids) ?? [];
            if (parse.GetValue(all) == (given.Length > 0))
            {
                context.Error.WriteLine("error: give either --id ID (repeatable) or --all");
                return ExitCodes.Configuration;
            }

            using var host = BuildHost(context, parse);
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            var store = host.Services.GetRequiredService<IDeadLetterStore>();
            if (parse.GetValue(all))
            {
                var count = await store.ReplayAllDeadLettersAsync(cancellationToken).ConfigureAwait(false);
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replayed {count} dead letters"));
                return ExitCodes.Success;
            }

            return await ForEachIdAsync(context, store, given, "replayed", (id, ct) => store.ReplayDeadLetterAsync(id, ct), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command CreatePurge(CliContext context)
    {
        var ids = new Option<string[]>("--id") { Description = "A dead letter's message id (or a unique prefix of 8+ characters). Repeatable.", Arity = ArgumentArity.OneOrMore, Required = true };
        var command = new Command("purge", "Delete dead letters for good (the update is dropped; a later decision sends a new one).") { ids };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = BuildHost(context, parse);
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            var store = host.Services.GetRequiredService<IDeadLetterStore>();
            return await ForEachIdAsync(context, store, parse.GetValue(ids) ?? [], "purged", (id, ct) => store.PurgeDeadLetterAsync(id, ct), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ForEachIdAsync(CliContext context, IDeadLetterStore store, string[] ids, string verb, Func<string, CancellationToken, Task<bool>> act, CancellationToken cancellationToken)
    {
        var failed = false;
        IReadOnlyList<DeadLetter>? letters = null;
        foreach (var given in ids)
        {
            var id = given.Trim();
            if (id.Length < 64)
            {
                letters ??= await store.ListDeadLettersAsync(ScanLimit, cancellationToken).ConfigureAwait(false);
                var matches = id.Length >= MinPrefix ? letters.Where(l => l.MessageId.StartsWith(id, StringComparison.OrdinalIgnoreCase)).ToList() : [];
                if (matches.Count != 1)
                {
                    context.Error.WriteLine(matches.Count == 0
                        ? $"error: no dead letter with id {id}" + (id.Length < MinPrefix ? $" (give the full id or at least {MinPrefix} characters)" : string.Empty)
                        : $"error: {matches.Count} dead letters start with {id}; give more characters");
                    failed = true;
                    continue;
                }

                id = matches[0].MessageId;
            }

            if (await act(id, cancellationToken).ConfigureAwait(false))
            {
                context.Output.WriteLine($"{verb} {id}");
            }
            else
            {
                context.Error.WriteLine($"error: no dead letter with id {id}");
                failed = true;
            }
        }

        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static IHost? BuildHost(CliContext context, ParseResult parse) =>
        VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, builder => builder.Services.AddUpdateQueue(builder.Configuration));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static void WriteJson(TextWriter output, IReadOnlyList<DeadLetter> letters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var letter in letters)
            {
                writer.WriteStartObject();
                writer.WriteString("messageId", letter.MessageId);
                writer.WriteString("reason", letter.Reason);
                writer.WriteString("error", letter.Description);
                writer.WriteString("personKey", letter.PersonKey);
                writer.WriteString("targetSystem", letter.Target.System.ToName());
                writer.WriteString("targetObjectType", letter.Target.ObjectType);
                writer.WriteString("targetId", letter.Target.Id);
                writer.WriteNumber("version", letter.Version);
                writer.WriteNumber("deliveryCount", letter.DeliveryCount);
                writer.WriteString("enqueuedAt", letter.EnqueuedAt);
                writer.WriteString("deadLetteredAt", letter.DeadLetteredAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
