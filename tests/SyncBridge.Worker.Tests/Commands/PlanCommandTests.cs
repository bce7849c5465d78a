using System.Text.Json;
using SyncBridge.Worker.Cli;
using static SyncBridge.Worker.Tests.Commands.PlanVerb;

namespace SyncBridge.Worker.Tests.Commands;

public sealed class PlanCommandTests
{
    private static async Task<(JsonDocument Plan, string Err)> PlanAsync(params string[] extra)
    {
        var (code, output, err) = await RunAsync(Args("plan", ["--format", "json", .. extra]));
        Assert.True(code == ExitCodes.Success, err);
        return (JsonDocument.Parse(output), err);
    }

    [Fact]
    public async Task Plan_Json_HasContractFieldsForEveryPerson()
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;

        Assert.Equal(AsOf, plan.RootElement.GetProperty("as_of").GetString());
        string[] fields =
        [
            "person_id", "email", "lifecycle_stage_before", "lifecycle_stage", "fit_score", "engagement_score", "score", "hot",
            "reengaged", "marketing", "reasons", "segments",
        ];
        var persons = plan.RootElement.GetProperty("persons").EnumerateArray().ToList();
        Assert.Equal(11, persons.Count); // 12 rows, the two Yamada rows are one person
        Assert.All(persons, p => Assert.All(fields, f => Assert.True(p.TryGetProperty(f, out _), f)));
        Assert.Equal(persons.Count, persons.Select(p => p.GetProperty("person_id").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task Plan_DemoRequestAndQualifiedSalesStatus_HotMarketingAndSql()
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;
        var p = Person(plan, "hot.demo@acme.co.jp");

        Assert.True(p.GetProperty("hot").GetBoolean());
        Assert.Equal("marketing", p.GetProperty("marketing").GetString());
        Assert.Equal(["hot", "recent_conversion", "engaged"], Strings(p.GetProperty("reasons")));
        Assert.Equal("lead", p.GetProperty("lifecycle_stage_before").GetString());
        Assert.Equal("salesqualifiedlead", p.GetProperty("lifecycle_stage").GetString());
        Assert.Contains("hot", Strings(p.GetProperty("segments")));
        var score = p.GetProperty("score").GetDouble();
        Assert.Equal(p.GetProperty("fit_score").GetDouble() + p.GetProperty("engagement_score").GetDouble(), score, 2);
        Assert.True(p.GetProperty("engagement_score").GetDouble() > 30, "demo request (30) + /pricing view (8), barely decayed");
    }

    [Theory]
    [InlineData("bounced@acme.co.jp", "non_marketing", "hard_bounce")]
    [InlineData("info@beta.co.jp", "non_marketing", "role_address")]
    [InlineData("dormant@gamma.co.jp", "non_marketing", "dormant")]
    [InlineData("de.person@delta.de", "non_marketing", "no_consent")]
    [InlineData("engaged@epsilon.co.jp", "marketing", "engaged")]
    [InlineData("opp@zeta.co.jp", "marketing", "open_opportunity")]
    [InlineData("optout@theta.co.jp", "non_marketing", "unsubscribed")]
    [InlineData("maybe@iota.co.jp", "non_marketing", "dormant")]
    public async Task Plan_EachPerson_DecidedWithReason(string email, string marketing, string reason)
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;
        var p = Person(plan, email);
        Assert.Equal(marketing, p.GetProperty("marketing").GetString());
        Assert.Equal([reason], Strings(p.GetProperty("reasons")));
    }

    [Fact]
    public async Task Plan_NoEmailRow_DecidedNoEmail()
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;
        var p = plan.RootElement.GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("email").GetString() == "");
        Assert.Equal(["no_email"], Strings(p.GetProperty("reasons")));
    }

    [Fact]
    public async Task Plan_ComeBackAfterSilence_Reengaged()
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;
        var p = Person(plan, "back@eta.co.jp");
        Assert.True(p.GetProperty("reengaged").GetBoolean());
        Assert.Contains("came-back", Strings(p.GetProperty("segments")));
        Assert.False(Person(plan, "engaged@epsilon.co.jp").GetProperty("reengaged").GetBoolean());
    }

    [Fact]
    public async Task Plan_WonDealAndOpenOpportunity_StagesNeverMoveBack()
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;
        Assert.Equal("customer", Person(plan, "dormant@gamma.co.jp").GetProperty("lifecycle_stage").GetString());
        Assert.DoesNotContain("jp-not-customers", Strings(Person(plan, "dormant@gamma.co.jp").GetProperty("segments")));
        Assert.Equal("opportunity", Person(plan, "opp@zeta.co.jp").GetProperty("lifecycle_stage").GetString());
        Assert.Equal("lead", Person(plan, "back@eta.co.jp").GetProperty("lifecycle_stage").GetString());
    }

    [Fact]
    public async Task Plan_Summary_ForecastsPeakOverTierBeforeRenewal()
    {
        var (plan, _) = await PlanAsync();
        using var owned = plan;
        var s = plan.RootElement.GetProperty("summary");

        // Marketing now (hubspot_marketable=true): bounced, dormant, engaged. Becoming marketing: Yamada, opp, back.
        Assert.Equal(3, s.GetProperty("marketing_now").GetInt32());
        Assert.Equal(3, s.GetProperty("becoming_marketing_now").GetInt32());
        Assert.Equal(2, s.GetProperty("becoming_non_marketing_at_update").GetInt32());
        Assert.Equal(4, s.GetProperty("marketing_after_update").GetInt32());
        Assert.Equal(6, s.GetProperty("peak_before_update").GetInt32());
        Assert.Equal("2026-11-25", s.GetProperty("next_update_date").GetString());
        Assert.Equal(5, s.GetProperty("tier_limit").GetInt32());
        Assert.True(s.GetProperty("over_tier").GetBoolean());
        Assert.Equal(100000m, s.GetProperty("monthly_cost_now").GetDecimal());
        Assert.Equal(150000m, s.GetProperty("monthly_cost_after").GetDecimal());
    }

    [Fact]
    public async Task Plan_ConfigLayeredTierLimit_KeepsHighestScoresAndMarksRestOverBudget()
    {
        var (plan, _) = await PlanAsync("--config", Data("budget-2.json"));
        using var owned = plan;
        var persons = plan.RootElement.GetProperty("persons").EnumerateArray().ToList();
        var marketing = persons.Where(p => p.GetProperty("marketing").GetString() == "marketing").ToList();
        var over = persons.Where(p => Strings(p.GetProperty("reasons")).SequenceEqual(["over_budget"])).ToList();

        Assert.Equal(2, marketing.Count);
        Assert.Equal(2, over.Count);
        Assert.True(marketing.Min(p => p.GetProperty("score").GetDouble()) >= over.Max(p => p.GetProperty("score").GetDouble()));
        Assert.Contains(marketing, p => p.GetProperty("email").GetString() == "hot.demo@acme.co.jp");
        Assert.Equal(2, plan.RootElement.GetProperty("summary").GetProperty("tier_limit").GetInt32());
        Assert.Equal(2, plan.RootElement.GetProperty("summary").GetProperty("marketing_after_update").GetInt32());
    }

    [Fact]
    public async Task Plan_BadInput_ReportedWithFileLineAndValueAndGoodRowsStillDecided()
    {
        var (plan, err) = await PlanAsync();
        using var owned = plan;

        Assert.Contains("events.csv:8: type: unknown event type 'webinar_watch'", err, StringComparison.Ordinal);
        Assert.Contains("events.csv:9: occurred_at: 'yesterday'", err, StringComparison.Ordinal);
        Assert.Contains("events.csv:10:", err, StringComparison.Ordinal);
        Assert.Contains("contacts.csv:12: hubspot_marketable: 'maybe'", err, StringComparison.Ordinal);
        var input = plan.RootElement.GetProperty("input");
        Assert.Equal(2, input.GetProperty("rejected_events").GetInt32());
        Assert.Equal(1, input.GetProperty("unmatched_events").GetInt32());
        Assert.Equal(6, input.GetProperty("events").GetInt32());
        Assert.Equal(12, input.GetProperty("contact_rows").GetInt32());
        Assert.Equal("dormant", Strings(Person(plan, "maybe@iota.co.jp").GetProperty("reasons"))[0]);
    }

    [Fact]
    public async Task Plan_Table_PrintsPeopleAndLoudOverTierFlag()
    {
        var (code, output, _) = await RunAsync(Args("plan", "--format", "table"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("hot.demo@acme.co.jp", output, StringComparison.Ordinal);
        Assert.Contains("hard_bounce", output, StringComparison.Ordinal);
        Assert.Contains("OVER TIER", output, StringComparison.Ordinal);
        Assert.Contains("2026-11-25", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MissingContactsFile_FailsNamingTheFile()
    {
        var (code, _, err) = await RunAsync("plan", "--contacts", Data("nope.csv"), "--as-of", AsOf);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("nope.csv", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MissingEventsFile_FailsNamingTheFile()
    {
        var (code, _, err) = await RunAsync("plan", "--contacts", Data("contacts.csv"), "--events", Data("missing-events.csv"), "--as-of", AsOf);
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("missing-events.csv", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BadAsOf_ExitCode2NamingTheValue()
    {
        var (code, _, err) = await RunAsync("plan", "--contacts", Data("contacts.csv"), "--as-of", "next tuesday");
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("'next tuesday'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_BadDecisionSettings_ExitCode2NamingEverySetting()
    {
        var (code, output, err) = await RunAsync("plan", "--contacts", Data("contacts.csv"), "--as-of", AsOf, "--config", Data("bad-settings.json"));
        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Contains("SyncBridge:Decisions:Scoring", err, StringComparison.Ordinal);
        Assert.Contains("MqlThreshold", err, StringComparison.Ordinal);
        Assert.Contains("SyncBridge:Decisions:Billing", err, StringComparison.Ordinal);
        Assert.Contains("Tiers:1:Contacts", err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task Help_ListsPlanExplainAndSegments()
    {
        var (code, output, _) = await RunAsync("--help");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("plan", output, StringComparison.Ordinal);
        Assert.Contains("explain", output, StringComparison.Ordinal);
        Assert.Contains("segments", output, StringComparison.Ordinal);
    }
}
