using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Normalization;

namespace SyncBridge.Core.Tests.Normalization;

public sealed class NormalizationServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSyncBridgeNormalization_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddSyncBridgeNormalization();
        var count = services.Count;
        services.AddSyncBridgeNormalization();

        Assert.Single(services, d => d.ServiceType == typeof(ContactNormalizer));
        Assert.Single(services, d => d.ImplementationType == typeof(NormalizationOptionsValidator));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<NormalizationOptions>));
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(ContactNormalizer)).Lifetime);
        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddSyncBridgeNormalization_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => NormalizationServiceCollectionExtensions.AddSyncBridgeNormalization(null!));
}
