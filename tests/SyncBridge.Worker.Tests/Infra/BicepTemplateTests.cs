using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace SyncBridge.Worker.Tests.Infra;

/// <summary>
/// infra/azure/main.bicep compiles with the bicep CLI (from the Azure.Bicep.CommandLine package) without warnings, and
/// the queue it declares is the one the README and the transport expect.
/// </summary>
public sealed class BicepTemplateTests
{
    [Fact]
    public async Task MainBicep_Builds_QueueHasDuplicateDetectionNoSessionsAndAQueueScopedSendListenRule()
    {
        var bicep = typeof(BicepTemplateTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        Assert.True(File.Exists(bicep), $"bicep CLI not found at '{bicep}' (restore tests/SyncBridge.Worker.Tests)");
        var template = RepositoryFiles.Path("infra", "azure", "main.bicep");

        var start = new ProcessStartInfo(bicep!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", template, "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Equal(string.Empty, (await stderr).Trim()); // no linter warnings either
        using var json = JsonDocument.Parse(await stdout);
        var resources = json.RootElement.GetProperty("resources").EnumerateArray().ToList();
        var queue = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.ServiceBus/namespaces/queues");
        var properties = queue.GetProperty("properties");
        Assert.True(properties.GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.False(properties.GetProperty("requiresSession").GetBoolean());
        Assert.True(properties.GetProperty("deadLetteringOnMessageExpiration").GetBoolean());
        var rule = Assert.Single(resources, r => r.GetProperty("type").GetString() == "Microsoft.ServiceBus/namespaces/queues/authorizationRules");
        Assert.Equal(["Send", "Listen"], rule.GetProperty("properties").GetProperty("rights").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("updates", json.RootElement.GetProperty("parameters").GetProperty("queueName").GetProperty("defaultValue").GetString());
    }
}
