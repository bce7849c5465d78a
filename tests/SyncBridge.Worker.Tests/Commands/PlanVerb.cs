using System.Text.Json;
using SyncBridge.Worker.Cli;

namespace SyncBridge.Worker.Tests.Commands;

/// <summary>Runs verbs in-process on the files of Data/plan and reads their JSON.</summary>
internal static class PlanVerb
{
    public const string AsOf = "2026-11-22T00:00:00Z";

    public static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "Data", "plan", file);

    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await SyncBridgeCli.InvokeAsync(args, new CliContext(output, error, TimeProvider.System), TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The standard run: contacts, events and settings of Data/plan, at <see cref="AsOf"/>.</summary>
    public static string[] Args(string verb, params string[] more) =>
    [
        verb, "--contacts", Data("contacts.csv"), "--events", Data("events.csv"), "--config", Data("settings.json"), "--as-of", AsOf, .. more,
    ];

    public static JsonElement Person(JsonDocument plan, string email) =>
        plan.RootElement.GetProperty("persons").EnumerateArray().Single(p => p.GetProperty("email").GetString() == email);

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
