using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// Writes decisions in the <c>plan</c> contract: JSON (field names fixed by issue 5) streamed in chunks so a
/// million persons never sit in one string, or a table for people.
/// </summary>
internal static class PlanOutput
{
    private const int ChunkBytes = 1 << 16;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteJson(TextWriter output, DecisionBatch batch, PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(input);
        var buffer = new ArrayBufferWriter<byte>(ChunkBytes * 2);
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        json.WriteStartObject();
        json.WriteString("as_of", Time(batch.AsOf));
        json.WriteStartArray("persons");
        foreach (var d in batch.Decisions)
        {
            WritePerson(json, d);
            if (buffer.WrittenCount + json.BytesPending > ChunkBytes)
            {
                Drain(json, buffer, output);
            }
        }

        json.WriteEndArray();
        WriteSummary(json, batch);
        WriteInput(json, input);
        json.WriteEndObject();
        Drain(json, buffer, output);
        output.WriteLine();
        output.Flush();
    }

    public static void WritePerson(Utf8JsonWriter json, PersonDecision d)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(d);
        json.WriteStartObject();
        json.WriteString("person_id", d.PersonId);
        json.WriteString("email", d.Email);
        if (d.StageBefore is { } before)
        {
            json.WriteString("lifecycle_stage_before", before.ToWireName());
        }
        else
        {
            json.WriteNull("lifecycle_stage_before");
        }

        json.WriteString("lifecycle_stage", d.Stage.ToWireName());
        json.WriteNumber("fit_score", d.FitScore);
        json.WriteNumber("engagement_score", d.EngagementScore);
        json.WriteNumber("score", d.Score);
        json.WriteBoolean("hot", d.Hot);
        json.WriteBoolean("reengaged", d.Reengaged);
        json.WriteString("marketing", d.Marketing.ToWireName());
        json.WriteStartArray("reasons");
        foreach (var code in d.Reasons.ToCodes())
        {
            json.WriteStringValue(code);
        }

        json.WriteEndArray();
        json.WriteStartArray("segments");
        foreach (var name in d.Segments.Names)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, DecisionBatch batch)
    {
        var f = batch.Forecast;
        json.WriteStartObject("summary");
        json.WriteNumber("persons", batch.Decisions.Count);
        json.WriteNumber("marketing_now", f.MarketingNow);
        json.WriteNumber("marketing_after_update", f.MarketingAfterUpdate);
        json.WriteNumber("becoming_marketing_now", f.BecomingMarketingNow);
        json.WriteNumber("becoming_non_marketing_at_update", f.BecomingNonMarketingAtUpdate);
        json.WriteNumber("peak_before_update", f.PeakBeforeUpdate);
        json.WriteString("next_update_date", f.NextUpdateDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("tier_limit", f.TierLimit);
        json.WriteBoolean("over_tier", f.OverTier);
        json.WriteNumber("tier_now", f.TierNow);
        json.WriteNumber("tier_after", f.TierAfter);
        json.WriteNumber("monthly_cost_now", f.MonthlyCostNow);
        json.WriteNumber("monthly_cost_after", f.MonthlyCostAfter);
        json.WriteString("currency", f.Currency);
        json.WriteBoolean("beyond_largest_tier", f.BeyondLargestTier);
        json.WriteNumber("marketing_candidates", batch.Candidates);
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, PlanInput input)
    {
        json.WriteStartObject("input");
        json.WriteNumber("contact_rows", input.ContactRows);
        json.WriteNumber("rejected_contact_rows", input.RejectedContactRows);
        json.WriteNumber("bad_values", input.BadValues);
        json.WriteNumber("events", input.Events);
        json.WriteNumber("rejected_events", input.RejectedEvents);
        json.WriteNumber("unmatched_events", input.UnmatchedEvents);
        json.WriteEndObject();
    }

    /// <summary>Moves what the JSON writer produced to <paramref name="output"/> through a pooled char buffer (no large strings).</summary>
    private static void Drain(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, TextWriter output)
    {
        json.Flush();
        var bytes = buffer.WrittenSpan;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(bytes, chars);
            output.Write(chars, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        buffer.ResetWrittenCount();
    }

    public static void WriteTable(TextWriter output, DecisionBatch batch)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(batch);
        var ci = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(ci, $"as of {Time(batch.AsOf)}"));
        output.WriteLine(string.Create(ci, $"{"person_id",-24} {"email",-34} {"stage (before → after)",-44} {"fit",7} {"engage",7} {"score",7} {"hot",-3} {"re",-3} {"marketing",-13} reasons / segments"));
        foreach (var d in batch.Decisions)
        {
            var stage = $"{d.StageBefore?.ToWireName() ?? "-"} → {d.Stage.ToWireName()}";
            var segments = d.Segments.IsEmpty ? string.Empty : " [" + string.Join(", ", d.Segments.Names) + "]";
            output.WriteLine(string.Create(ci, $"{d.PersonId,-24} {d.Email,-34} {stage,-44} {d.FitScore,7:0.##} {d.EngagementScore,7:0.##} {d.Score,7:0.##} {(d.Hot ? "yes" : "-"),-3} {(d.Reengaged ? "yes" : "-"),-3} {d.Marketing.ToWireName(),-13} {string.Join(",", d.Reasons.ToCodes())}{segments}"));
        }

        var f = batch.Forecast;
        output.WriteLine();
        output.WriteLine(string.Create(ci, $"marketing contacts now:             {f.MarketingNow}"));
        output.WriteLine(string.Create(ci, $"becoming marketing now (immediate): {f.BecomingMarketingNow}"));
        output.WriteLine(string.Create(ci, $"becoming non-marketing on {f.NextUpdateDate:yyyy-MM-dd}: {f.BecomingNonMarketingAtUpdate}"));
        output.WriteLine(string.Create(ci, $"peak before the update date:        {f.PeakBeforeUpdate}"));
        output.WriteLine(string.Create(ci, $"marketing after the update date:    {f.MarketingAfterUpdate}"));
        output.WriteLine(string.Create(ci, $"tier: limit {f.TierLimit}, now {f.TierNow}, after {f.TierAfter}"));
        output.WriteLine(string.Create(ci, $"monthly cost: now {f.MonthlyCostNow:0.##} {f.Currency}, after {f.MonthlyCostAfter:0.##} {f.Currency}"));
        if (f.OverTier)
        {
            output.WriteLine(string.Create(ci, $"!!! OVER TIER: the count peaks at {f.PeakBeforeUpdate}, above the contracted {f.TierLimit}; HubSpot upgrades the tier at once (pro-rated) !!!"));
        }

        if (f.BeyondLargestTier)
        {
            output.WriteLine("!!! the count is beyond the largest configured tier: the cost shown is a lower bound !!!");
        }
    }

    public static string Time(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
