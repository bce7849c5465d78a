using System.Text.Json;
using SyncBridge.Worker.Cli;
using static SyncBridge.Worker.Tests.Commands.PlanVerb;

namespace SyncBridge.Worker.Tests.Commands;

public sealed class ExplainCommandTests
{
    [Fact]
    public async Task Explain_Json_TraceHasEveryRuleWithInputs()
    {
        var (code, output, err) = await RunAsync(Args("explain", "--email", "Hot.Demo@acme.co.jp", "--format", "json"));
        Assert.True(code == ExitCodes.Success, err);
        using var doc = JsonDocument.Parse(output);

        Assert.Equal("hot.demo@acme.co.jp", doc.RootElement.GetProperty("person").GetProperty("email").GetString());
        var trace = doc.RootElement.GetProperty("trace").EnumerateArray().ToList();
        var highIntent = trace.Single(e => e.GetProperty("rule").GetString() == "hot.high_intent");
        Assert.True(highIntent.GetProperty("fired").GetBoolean());
        Assert.Equal("2026-11-20T10:00:00Z", highIntent.GetProperty("inputs").GetProperty("last_high_intent_at").GetString());
        var sql = trace.Single(e => e.GetProperty("rule").GetString() == "lifecycle.salesqualifiedlead");
        Assert.True(sql.GetProperty("fired").GetBoolean());
        Assert.Equal("Qualified", sql.GetProperty("inputs").GetProperty("sales_status").GetString());
        Assert.False(trace.Single(e => e.GetProperty("rule").GetString() == "marketing.hard_bounce").GetProperty("fired").GetBoolean());
        Assert.Contains(trace, e => e.GetProperty("rule").GetString() == "marketing.over_budget");
    }

    [Fact]
    public async Task Explain_OverBudgetPerson_SameDecisionAsPlanAndBudgetRuleFired()
    {
        var plan = await RunAsync(Args("plan", "--config", Data("budget-2.json")));
        using var planDoc = JsonDocument.Parse(plan.Out);
        var over = planDoc.RootElement.GetProperty("persons").EnumerateArray()
            .First(p => Strings(p.GetProperty("reasons")).SequenceEqual(["over_budget"]));
        var email = over.GetProperty("email").GetString()!;

        var (code, output, err) = await RunAsync(Args("explain", "--email", email, "--format", "json", "--config", Data("budget-2.json")));
        Assert.True(code == ExitCodes.Success, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(JsonSerializer.Serialize(over), JsonSerializer.Serialize(doc.RootElement.GetProperty("person")));
        var budget = doc.RootElement.GetProperty("trace").EnumerateArray().Single(e => e.GetProperty("rule").GetString() == "marketing.over_budget");
        Assert.True(budget.GetProperty("fired").GetBoolean());
        Assert.Equal("2", budget.GetProperty("inputs").GetProperty("tier_limit").GetString());
    }

    [Fact]
    public async Task Explain_Table_PrintsRulesAndMarks()
    {
        var (code, output, _) = await RunAsync(Args("explain", "--email", "bounced@acme.co.jp"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("non_marketing: hard_bounce", output, StringComparison.Ordinal);
        Assert.Contains("[x]    marketing.hard_bounce", output, StringComparison.Ordinal);
        Assert.Contains("hard_bounced=true", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownEmail_FailsNamingIt()
    {
        var (code, _, err) = await RunAsync(Args("explain", "--email", "ghost@nowhere.co.jp"));
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("ghost@nowhere.co.jp", err, StringComparison.Ordinal);
    }
}
