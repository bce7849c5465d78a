using Microsoft.Extensions.Hosting;
using Quartz;
using SyncBridge.Core.Sync;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// Polls one source (named in the job data) into the engine. Thin and idempotent: one call into the engine, which
/// resumes from the saved cursor; running it twice is harmless. Never runs twice at once for a source.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SourcePollJob(IEnumerable<IContactSource> sources, SourceRunner runner, IHostApplicationLifetime? lifetime = null) : IJob
{
    public const string SourceKey = "source";

    /// <summary>The Quartz group of SyncBridge's poll jobs and their triggers: the only group the registrar adds to or prunes.</summary>
    public const string Group = "sources";

    public static JobKey KeyFor(string source) => new("poll:" + source, Group);

    public static TriggerKey TriggerKeyFor(string source) => new("cron:" + source, Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.MergedJobDataMap.GetString(SourceKey);
        var source = sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
            ?? throw new JobExecutionException($"No source named '{name}' is registered.");
        try
        {
            // A worker shutting down finishes the page in hand and stops (Quartz waits for the job); the cursor is saved.
            await runner.RunAsync(source, cancellationToken, lifetime?.ApplicationStopping ?? CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not JobExecutionException)
        {
            // Recorded by the runner; the trigger tries again at its next fire time.
            throw new JobExecutionException(ex);
        }
    }
}
