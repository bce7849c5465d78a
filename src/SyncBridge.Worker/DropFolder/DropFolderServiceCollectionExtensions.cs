using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Normalization;
using SyncBridge.Core.Sync;

namespace SyncBridge.Worker.DropFolder;

/// <summary>The CSV drop folder source (<c>csv:dropfolder</c>), registered only when <c>SyncBridge:DropFolder:Path</c> is set.</summary>
internal static class DropFolderServiceCollectionExtensions
{
    public static IServiceCollection AddDropFolder(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DropFolderOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(DropFolderOptions.Path)]) || services.Any(descriptor => descriptor.ServiceType == typeof(CsvDropFolderSource)))
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<DropFolderOptions>().Bind(section).ValidateDataAnnotations();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DropFolderOptions>, DropFolderOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSyncBridgeNormalization();
        services.TryAddSingleton<CsvDropFolderSource>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IContactSource, CsvDropFolderSource>(provider => provider.GetRequiredService<CsvDropFolderSource>()));
        return services;
    }
}
