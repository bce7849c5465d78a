using Microsoft.Extensions.DependencyInjection;
using SyncBridge.Core.Sync;
using SyncBridge.Worker.Cli;
using SyncBridge.Worker.Hosting;
using SyncBridge.Worker.Sync;

namespace SyncBridge.Worker.Planning;

/// <summary>
/// The read side of <c>plan --live</c>: polls every source (or one) once into the state store. Unlike <c>sync</c> it
/// creates no HubSpot properties and writes to no CRM; only the contact cache and the source cursors change.
/// </summary>
internal static class LiveSourcePoller
{
    /// <summary>
    /// Polls and reports one line per source on <paramref name="report"/>. Returns <see cref="ExitCodes.Success"/>,
    /// <see cref="ExitCodes.Failure"/> when a source failed (a plan on part of the data would mislead), or
    /// <see cref="ExitCodes.Configuration"/> when no source has the name given.
    /// </summary>
    public static async Task<int> PollAsync(TextWriter report, ConnectedHost connected, string? only, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(connected);
        if (SourceSelection.Select(connected.Services, only, report) is not { } sources)
        {
            return ExitCodes.Configuration;
        }

        var runner = connected.Services.GetRequiredService<SourceRunner>();
        foreach (var source in sources)
        {
            try
            {
                var result = await runner.RunAsync(source, cancellationToken).ConfigureAwait(false);
                report.WriteLine(SourceSelection.Describe(result, connected));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                report.WriteLine(SourceSelection.Describe(source, ex));
                report.WriteLine("error: no plan: a source failed, and a plan on part of the data would mislead; fix the source and run plan --live again");
                return ExitCodes.Failure;
            }
        }

        return ExitCodes.Success;
    }
}
