using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using SyncBridge.Core.Identity;
using SyncBridge.Core.Normalization;
using SyncBridge.Storage;

namespace SyncBridge.Worker.Hosting;

/// <summary>
/// Builds the Generic Host every verb runs in: configuration, Serilog, validated options, the areas' services.
/// Program.cs and the verbs read this as a table of contents.
/// </summary>
internal static class SyncBridgeHost
{
    public static HostApplicationBuilder CreateBuilder(HostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. settings.Args],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "SyncBridge",
        });

        AddConfigFiles(builder.Configuration, settings.ConfigFiles);
        if (settings.Overrides.Count > 0)
        {
            builder.Configuration.AddInMemoryCollection(settings.Overrides);
        }

        builder.Services.AddSingleton<IHostLifetime, CommandLineHostLifetime>();
        builder.Services.AddSyncBridgeLogging(builder.Configuration);
        builder.Services.AddOptions<NormalizationOptions>().Bind(builder.Configuration.GetSection(NormalizationOptions.SectionName));
        builder.Services.AddSyncBridgeNormalization();
        builder.Services.AddMergePolicy(options => builder.Configuration.GetSection(MergePolicyOptions.SectionName).Bind(options));
        builder.Services.AddStateStore(builder.Configuration);
        if (settings.RunBackgroundServices)
        {
            builder.Services.AddScheduler(builder.Configuration);
        }

        return builder;
    }

    /// <summary>
    /// Builds the host and validates every option registered with validate-on-start, without starting background
    /// services. A bad setting throws <see cref="OptionsValidationException"/> naming it.
    /// </summary>
    public static IHost BuildValidated(HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var host = builder.Build();
        host.Services.GetRequiredService<IStartupValidator>().Validate();
        return host;
    }

    private static void AddConfigFiles(ConfigurationManager configuration, IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return;
        }

        // Layer the files over appsettings.json but keep environment variables and the command line on top.
        var sources = configuration.Sources.ToList();
        var insertAt = sources.FindLastIndex(s => s is Microsoft.Extensions.Configuration.Json.JsonConfigurationSource) + 1;
        var added = new List<IConfigurationSource>();
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"Settings file not found: {file}", full);
            }

            added.Add(new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = Path.GetFileName(full),
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(full)!),
                Optional = false,
                ReloadOnChange = false,
            });
        }

        sources.InsertRange(insertAt, added);
        configuration.Sources.Clear();
        foreach (var source in sources)
        {
            configuration.Sources.Add(source);
        }
    }

    private static IServiceCollection AddSyncBridgeLogging(this IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddOptionsWithValidateOnStart<LoggingOptions>().Bind(configuration.GetSection(LoggingOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LoggingOptions>, LoggingOptionsValidator>());

        var format = configuration[$"{LoggingOptions.SectionName}:Format"] ?? "text";
        services.AddSerilog((_, logger) =>
        {
            logger.ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Enrich.With<PersonalDataRedactionEnricher>();

            // Every log line goes to stderr: stdout belongs to the verbs' output.
            if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose);
            }
            else
            {
                logger.WriteTo.Console(
                    outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                    standardErrorFromLevel: LogEventLevel.Verbose,
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
        return services;
    }
}
