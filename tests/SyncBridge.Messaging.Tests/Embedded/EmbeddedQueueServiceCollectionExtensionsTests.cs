using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncBridge.Core.Sync.Queue;
using SyncBridge.Messaging.Embedded;

namespace SyncBridge.Messaging.Tests.Embedded;

public sealed class EmbeddedQueueServiceCollectionExtensionsTests : IDisposable
{
    private readonly QueueFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void AddEmbeddedUpdateQueue_CalledTwice_OneQueueBehindEveryPort()
    {
        using var provider = Build(new Dictionary<string, string?> { ["SyncBridge:Queue:Embedded:Path"] = _fixture.FilePath }, twice: true);

        var queue = provider.GetRequiredService<IUpdateQueue>();

        Assert.IsType<SqliteUpdateQueue>(queue);
        Assert.Same(queue, provider.GetRequiredService<IDeadLetterStore>());
        Assert.Same(queue, provider.GetRequiredService<IQueueMonitor>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<EmbeddedQueueInitializer>());
    }

    [Fact]
    public void AddEmbeddedUpdateQueue_NoSettings_Defaults()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<EmbeddedQueueOptions>>().Value;

        Assert.Equal("data/syncbridge-queue.db", options.Path);
        Assert.Equal(10, options.MaxDeliveryCount);
    }

    [Fact]
    public void AddEmbeddedUpdateQueue_InvalidSettings_FailureNamesEverySetting()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["SyncBridge:Queue:Embedded:Path"] = "data/",
            ["SyncBridge:Queue:Embedded:MaxDeliveryCount"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<EmbeddedQueueOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("SyncBridge:Queue:Embedded:Path", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MaxDeliveryCount", StringComparison.Ordinal));
    }

    [Fact]
    public void AddEmbeddedUpdateQueue_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => EmbeddedQueueServiceCollectionExtensions.AddEmbeddedUpdateQueue(null!, new ConfigurationBuilder().Build()));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddEmbeddedUpdateQueue(null!));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, bool twice = false)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddEmbeddedUpdateQueue(configuration);
        if (twice)
        {
            services.AddEmbeddedUpdateQueue(configuration);
        }

        return services.BuildServiceProvider();
    }
}
