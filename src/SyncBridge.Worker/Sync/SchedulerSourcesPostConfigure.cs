using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace SyncBridge.Worker.Sync;

/// <summary>
/// Reads <c>SyncBridge:Scheduler:Sources</c> by full source name. Source names contain ':' (<c>hubspot:forms</c>,
/// <c>csv:dropfolder</c>), which configuration treats as a path separator, so the binder alone finds no entry for them;
/// here every value under the section is keyed by its whole relative path. Runs before validation, so a bad cron
/// under such a name still stops the host naming its setting.
/// </summary>
internal sealed class SchedulerSourcesPostConfigure(IConfiguration configuration) : IPostConfigureOptions<SchedulerOptions>
{
    public void PostConfigure(string? name, SchedulerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var section = configuration.GetSection(SchedulerOptions.SectionName).GetSection(nameof(SchedulerOptions.Sources));
        foreach (var (source, cron) in section.AsEnumerable(makePathsRelative: true))
        {
            if (cron is not null)
            {
                options.Sources[source] = cron;
            }
        }
    }
}
