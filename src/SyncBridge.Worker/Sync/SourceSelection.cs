using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Sync;

/// <summary>The sources a one-shot verb (<c>sync</c>, <c>plan --live</c>) polls, and how it reports each one.</summary>
internal static class SourceSelection
{
    /// <summary>Every registered source, or only the one named; null (the reason written on <paramref name="error"/>) when none has that name.</summary>
    public static IReadOnlyList<IContactSource>? Select(IServiceProvider services, string? only, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        var sources = services.GetServices<IContactSource>().ToList();
        if (string.IsNullOrWhiteSpace(only))
        {
            return sources;
        }

        var named = sources.Where(s => string.Equals(s.Name, only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            error.WriteLine($"error: --source: no source is named '{only}'; the sources are: {string.Join(", ", sources.Select(s => s.Name))}");
            return null;
        }

        return named;
    }

    /// <summary>A finished run's line, marked when the source's CRM is the built-in simulator.</summary>
    public static string Describe(SourceRunResult result, ConnectedHost connected)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(connected);
        var simulated = (result.Source.StartsWith("hubspot", StringComparison.Ordinal) && connected.Selection.SimulateHubSpot)
            || (result.Source.StartsWith("salesforce", StringComparison.Ordinal) && connected.Selection.SimulateSalesforce);
        return result + (simulated ? " (built-in simulator)" : string.Empty);
    }

    /// <summary>A failed run's line, personal data redacted.</summary>
    public static string Describe(IContactSource source, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(exception);
        return $"error: {source.Name}: {exception.GetType().Name}: {PersonalDataRedactionEnricher.Redact(exception.Message) ?? exception.Message}";
    }
}
