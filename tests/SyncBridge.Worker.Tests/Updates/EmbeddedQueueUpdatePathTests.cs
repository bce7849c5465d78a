using System.Text.Json.Nodes;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>The update path suite on the embedded durable queue (the default transport): its own SQLite file beside the state store.</summary>
public sealed class EmbeddedQueueUpdatePathTests : UpdatePathSuite
{
    protected override JsonObject QueueSection(string directory) => new()
    {
        ["Transport"] = "Embedded",
        ["Embedded"] = new JsonObject { ["Path"] = Path.Combine(directory, "queue.db"), ["MaxDeliveryCount"] = 5 },
    };
}
