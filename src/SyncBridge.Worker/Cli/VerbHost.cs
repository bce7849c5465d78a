using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncBridge.Worker.Hosting;

namespace SyncBridge.Worker.Cli;

/// <summary>
/// Builds the host a verb runs in and turns configuration errors into a message naming the setting
/// (exit code 2) instead of a stack trace.
/// </summary>
internal static class VerbHost
{
    public static IHost? TryBuild(CliContext context, HostSettings settings, Action<HostApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var builder = SyncBridgeHost.CreateBuilder(settings);
            configure?.Invoke(builder);
            return SyncBridgeHost.BuildValidated(builder);
        }
        catch (OptionsValidationException ex)
        {
            ReportConfigurationErrors(context, [ex]);
            return null;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            ReportConfigurationErrors(context, ex.InnerExceptions.Cast<OptionsValidationException>());
            return null;
        }
        catch (FileNotFoundException ex)
        {
            context.Error.WriteLine($"error: {ex.Message}");
            return null;
        }
        catch (InvalidDataException ex)
        {
            context.Error.WriteLine($"error: invalid settings file: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Writes one line per failure, naming the full setting path (<c>SyncBridge:Normalization:DefaultRegion: …</c>),
    /// so an operator knows exactly what to fix.
    /// </summary>
    public static void ReportConfigurationErrors(CliContext context, IEnumerable<OptionsValidationException> errors)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(errors);
        context.Error.WriteLine("error: invalid configuration; the host did not start:");
        foreach (var error in errors)
        {
            var section = ConfigurationSections.Of(error.OptionsType);
            foreach (var failure in error.Failures)
            {
                context.Error.WriteLine($"  {ConfigurationSections.Qualify(section, failure)}");
            }
        }
    }
}
