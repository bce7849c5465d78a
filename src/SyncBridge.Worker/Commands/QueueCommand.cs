using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Updates;

namespace SyncBridge.Worker.Commands;

/// <summary><c>queue status [--format text|json]</c>: the update queue's depth, in-flight count, oldest age and dead letters, and the outbox behind it.</summary>
internal static class QueueCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("queue", "The update queue.");
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var status = new Command("status", "Show the queue's depth (in flight included), how many are in flight, the oldest message's age, the dead letters, and the outbox messages not yet published.") { format };
        status.SetAction(async (parse, cancellationToken) =>
        {
            using var host = VerbHost.TryBuild(context, new HostSettings { ConfigFiles = parse.GetValue(GlobalOptions.Config) ?? [] }, builder => builder.Services.AddUpdateQueue(builder.Configuration));
            if (host is null)
            {
                return ExitCodes.Configuration;
            }

            var transport = host.Services.GetRequiredService<IOptions<QueueOptions>>().Value.Parsed ?? QueueTransport.Embedded;
            QueueStatus queue;
            try
            {
                queue = await host.Services.GetRequiredService<IQueueMonitor>().GetStatusAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The edge: a broker whose management API fails (RabbitMQ 3.10 can answer 500 for a while) is reported, not thrown.
                context.Error.WriteLine($"error: the queue could not report its depth: {ex.GetType().Name}: {ex.Message}");
                return ExitCodes.Failure;
            }

            var outbox = await host.Services.GetRequiredService<IOutboxStore>().GetOutboxStatusAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Output, transport, queue, outbox);
                return ExitCodes.Success;
            }

            context.Output.WriteLine($"transport: {transport.ToString().ToLowerInvariant()}");
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"depth: {queue.Depth} (in flight: {queue.InFlight})"));
            context.Output.WriteLine($"oldest: {Age(queue.OldestAge)}");
            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dead letters: {queue.DeadLetters}"));
            if (!string.IsNullOrEmpty(queue.Caveat))
            {
                context.Output.WriteLine($"note: {queue.Caveat}");
            }

            context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outbox pending: {outbox.Pending}") +
                (outbox.OldestCommittedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $" (oldest committed {at:yyyy-MM-dd'T'HH:mm:ss'Z'})") : string.Empty));
            return ExitCodes.Success;
        });
        command.Subcommands.Add(status);
        return command;
    }

    private static string Age(TimeSpan? age) => age is { } value
        ? value.ToString(value.TotalDays >= 1 ? @"d\.hh\:mm\:ss" : @"hh\:mm\:ss", CultureInfo.InvariantCulture)
        : "-";

    private static void WriteJson(TextWriter output, QueueTransport transport, QueueStatus queue, OutboxStatus outbox)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("transport", transport.ToString().ToLowerInvariant());
            writer.WriteNumber("depth", queue.Depth);
            writer.WriteNumber("inFlight", queue.InFlight);
            if (queue.OldestAge is { } age)
            {
                writer.WriteNumber("oldestAgeSeconds", Math.Round(age.TotalSeconds, 3));
            }
            else
            {
                writer.WriteNull("oldestAgeSeconds");
            }

            writer.WriteNumber("deadLetters", queue.DeadLetters);
            if (queue.Caveat is { Length: > 0 } caveat)
            {
                writer.WriteString("caveat", caveat);
            }
            else
            {
                writer.WriteNull("caveat");
            }

            writer.WriteNumber("outboxPending", outbox.Pending);
            if (outbox.OldestCommittedAt is { } at)
            {
                writer.WriteString("outboxOldestCommittedAt", at);
            }
            else
            {
                writer.WriteNull("outboxOldestCommittedAt");
            }

            writer.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
