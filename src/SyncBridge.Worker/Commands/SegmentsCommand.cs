using System.CommandLine;
using System.Globalization;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Csv;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>segments [--name NAME] --format csv|json|table</c> (same inputs as <c>plan</c>): with a name, exports the
/// members of that segment; without, lists every configured segment with its member count.
/// </summary>
internal static class SegmentsCommand
{
    private static readonly string[] Columns = ["person_id", "email", "lifecycle_stage", "score", "hot", "reengaged", "marketing", "reasons"];

    public static Command Create(CliContext context)
    {
        var inputs = new PlanInputOptions();
        var name = new Option<string?>("--name") { Description = "The segment to export (a name under SyncBridge:Decisions:Segments:Definitions)." };
        var format = new Option<string>("--format") { Description = "csv (default), json or table.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "table");
        var command = new Command("segments", "Export the members of a configured segment (--name), or list every segment with its member count.");
        inputs.AddTo(command);
        command.Options.Add(name);
        command.Options.Add(format);

        command.SetAction((parse, cancellationToken) =>
        {
            var result = PlanRun.Execute(context, parse, inputs, traceWhen: null, out var exitCode, cancellationToken);
            if (result is not { } run)
            {
                return Task.FromResult(exitCode);
            }

            var segment = parse.GetValue(name)?.Trim();
            var formatValue = parse.GetValue(format);
            if (string.IsNullOrEmpty(segment))
            {
                WriteCounts(context.Output, run.Engine, run.Batch, formatValue);
                return Task.FromResult(ExitCodes.Success);
            }

            if (!run.Engine.SegmentNames.Contains(segment, StringComparer.Ordinal))
            {
                context.Error.WriteLine($"error: --name: no segment '{segment}' is configured (SyncBridge:Decisions:Segments:Definitions has: {string.Join(", ", run.Engine.SegmentNames)})");
                return Task.FromResult(ExitCodes.Configuration);
            }

            var members = run.Batch.Decisions.Where(d => d.Segments.Contains(segment)).ToList();
            WriteMembers(context.Output, run.Batch, segment, members, formatValue);
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"segment {segment}: {members.Count} of {run.Batch.Decisions.Count} persons"));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string[] Row(PersonDecision d) =>
    [
        d.PersonId, d.Email, d.Stage.ToWireName(), d.Score.ToString("0.##", CultureInfo.InvariantCulture),
        d.Hot ? "true" : "false", d.Reengaged ? "true" : "false", d.Marketing.ToWireName(), string.Join('|', d.Reasons.ToCodes()),
    ];

    private static void WriteMembers(TextWriter output, DecisionBatch batch, string segment, List<PersonDecision> members, string? format)
    {
        switch (format)
        {
            case "json":
                var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    json.WriteStartObject();
                    json.WriteString("as_of", PlanOutput.Time(batch.AsOf));
                    json.WriteString("segment", segment);
                    json.WriteNumber("count", members.Count);
                    json.WriteStartArray("persons");
                    foreach (var d in members)
                    {
                        PlanOutput.WritePerson(json, d);
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
                break;
            case "table":
                output.WriteLine(string.Join("  ", Columns));
                foreach (var d in members)
                {
                    output.WriteLine(string.Join("  ", Row(d)));
                }

                break;
            default:
                var csv = new CsvWriter(output);
                csv.WriteRecord(Columns);
                foreach (var d in members)
                {
                    csv.WriteRecord(Row(d));
                }

                break;
        }

        output.Flush();
    }

    private static void WriteCounts(TextWriter output, DecisionEngine engine, DecisionBatch batch, string? format)
    {
        var counts = engine.SegmentNames.Select(n => (Name: n, Count: batch.Decisions.Count(d => d.Segments.Contains(n)))).ToList();
        if (format == "csv")
        {
            var csv = new CsvWriter(output);
            csv.WriteRecord(["segment", "members"]);
            counts.ForEach(c => csv.WriteRecord([c.Name, c.Count.ToString(CultureInfo.InvariantCulture)]));
            return;
        }

        if (format == "json")
        {
            output.WriteLine("{");
            output.WriteLine(string.Join(",\n", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"  {System.Text.Json.JsonSerializer.Serialize(c.Name)}: {c.Count}"))));
            output.WriteLine("}");
            return;
        }

        foreach (var (segmentName, count) in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{segmentName,-40} {count,10}"));
        }
    }
}
