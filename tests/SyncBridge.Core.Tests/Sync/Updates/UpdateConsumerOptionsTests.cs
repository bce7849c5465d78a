using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Updates;
using SyncBridge.Core.Tests.Sync.Updates.Fakes;

namespace SyncBridge.Core.Tests.Sync.Updates;

public sealed class UpdateConsumerOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new UpdateConsumerOptions();

        Assert.True(new UpdateConsumerOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new DataAnnotationValidateOptions<UpdateConsumerOptions>(null).Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_MaxRetryDelayBelowRetryDelay_FailsNamingBothSettings()
    {
        var result = new UpdateConsumerOptionsValidator().Validate(null, new UpdateConsumerOptions { RetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromSeconds(5) });

        Assert.True(result.Failed);
        Assert.Contains("SyncBridge:Consumer:MaxRetryDelay", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("SyncBridge:Consumer:RetryDelay", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(UpdateConsumerOptions.BatchSize))]
    [InlineData(nameof(UpdateConsumerOptions.MaxDeliveryCount))]
    [InlineData(nameof(UpdateConsumerOptions.LockDuration))]
    [InlineData(nameof(UpdateConsumerOptions.IdleDelay))]
    public void Validate_OutOfRangeSetting_DataAnnotationsFailNamingIt(string setting)
    {
        var options = new UpdateConsumerOptions();
        switch (setting)
        {
            case nameof(UpdateConsumerOptions.BatchSize):
                options.BatchSize = 0;
                break;
            case nameof(UpdateConsumerOptions.MaxDeliveryCount):
                options.MaxDeliveryCount = 0;
                break;
            case nameof(UpdateConsumerOptions.LockDuration):
                options.LockDuration = TimeSpan.FromMilliseconds(500);
                break;
            default:
                options.IdleDelay = TimeSpan.Zero;
                break;
        }

        var result = new DataAnnotationValidateOptions<UpdateConsumerOptions>(null).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddUpdates_Services_RegistersPathAndBothValidators()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddUpdates());

        Assert.Contains(services, d => d.ServiceType == typeof(UpdatePlanner) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(OutboxDispatcher) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(UpdateConsumer) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<UpdateConsumerOptions>) && d.ImplementationType == typeof(UpdateConsumerOptionsValidator));
        Assert.Contains(services, d => d.ServiceType == typeof(IValidateOptions<UpdateConsumerOptions>) && d.ImplementationInstance is DataAnnotationValidateOptions<UpdateConsumerOptions>);
        Assert.Contains(services, d => d.ServiceType == typeof(TimeProvider));
    }

    [Fact]
    public void AddUpdates_CalledTwice_RegistersThePathOnce()
    {
        var services = new ServiceCollection();

        services.AddUpdates().AddUpdates();

        Assert.Single(services, d => d.ServiceType == typeof(UpdatePlanner));
        Assert.Single(services, d => d.ServiceType == typeof(OutboxDispatcher));
        Assert.Single(services, d => d.ServiceType == typeof(UpdateConsumer));
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.Single(services, d => d.ImplementationType == typeof(UpdateConsumerOptionsValidator));
    }

    [Fact]
    public void AddUpdates_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UpdatesServiceCollectionExtensions.AddUpdates(null!));
    }

    [Fact]
    public void ConsumerId_Blank_GeneratedUniquePerInstance()
    {
        var world = new UpdateWorld();
        UpdateConsumer Make() => new(world.Queue, world.Ledger, [world.HubSpot], Options.Create(new UpdateConsumerOptions { BusyWait = TimeSpan.Zero }), world.Time, NullLogger<UpdateConsumer>.Instance);

        var first = Make().ConsumerId;

        Assert.False(string.IsNullOrWhiteSpace(first));
        Assert.NotEqual(first, Make().ConsumerId);
    }
}
