using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// <c>explain --email ADDRESS</c> (same inputs as <c>plan</c>): the whole population is decided exactly as
/// <c>plan</c> does (the tier budget needs everyone), with the trace recorded for that one person, and the trace
/// is printed: every rule, whether it fired, the values it saw.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new PlanInputOptions();
        var email = new Option<string>("--email") { Description = "The person to explain (any email of any of their records).", Required = true };
        var format = new Option<string>("--format") { Description = "table (default, for people) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("explain", "Print the decision trace of one person: every rule evaluated, whether it fired, and the input values it saw.");
        inputs.AddTo(command);
        command.Options.Add(email);
        command.Options.Add(format);

        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            var target = -1;
            var result = PlanRun.Execute(
                context,
                parse,
                inputs,
                input =>
                {
                    target = input.FindByEmail(address);
                    var personId = target >= 0 ? input.Subjects[target].PersonId : null;
                    return s => s.PersonId == personId;
                },
                out var exitCode,
                cancellationToken);
            if (result is not { } run)
            {
                return Task.FromResult(exitCode);
            }

            if (target < 0)
            {
                context.Error.WriteLine($"error: no contact in {parse.GetRequiredValue(inputs.Contacts).Name} has the email '{address}'");
                return Task.FromResult(ExitCodes.Failure);
            }

            var decision = run.Batch.Decisions[target];
            if (parse.GetValue(format) == "json")
            {
                WriteJson(context.Output, run.Batch, decision);
            }
            else
            {
                WriteText(context.Output, run.Batch, decision);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void WriteText(TextWriter output, DecisionBatch batch, PersonDecision d)
    {
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci, $"person {d.PersonId} <{d.Email}> as of {PlanOutput.Time(batch.AsOf)}"));
        output.WriteLine(string.Create(ci, $"  stage {d.StageBefore?.ToWireName() ?? "-"} → {d.Stage.ToWireName()} (computed {d.ComputedStage.ToWireName()})"));
        output.WriteLine(string.Create(ci, $"  score {d.Score:0.##} = fit {d.FitScore:0.##} + engagement {d.EngagementScore:0.##}; hot {Yes(d.Hot)}; re-engaged {Yes(d.Reengaged)}"));
        output.WriteLine(string.Create(ci, $"  {d.Marketing.ToWireName()}: {string.Join(", ", d.Reasons.ToCodes())}"));
        if (!d.Segments.IsEmpty)
        {
            output.WriteLine($"  segments: {string.Join(", ", d.Segments.Names)}");
        }

        output.WriteLine();
        output.WriteLine("  fired  rule                               inputs");
        foreach (var entry in d.Trace?.Entries ?? [])
        {
            var inputs = string.Join("; ", entry.Inputs.Select(i => $"{i.Name}={i.Value}"));
            output.WriteLine(string.Create(ci, $"  {(entry.Fired ? "[x]" : "[ ]"),-6} {entry.Rule,-34} {inputs}"));
        }
    }

    private static void WriteJson(TextWriter output, DecisionBatch batch, PersonDecision d)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("as_of", PlanOutput.Time(batch.AsOf));
            json.WritePropertyName("person");
            PlanOutput.WritePerson(json, d);
            json.WriteString("computed_lifecycle_stage", d.ComputedStage.ToWireName());
            json.WritePropertyName("trace");
            DecisionTraceJson.WriteEntries(json, d.Trace);
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static string Yes(bool value) => value ? "yes" : "no";
}
