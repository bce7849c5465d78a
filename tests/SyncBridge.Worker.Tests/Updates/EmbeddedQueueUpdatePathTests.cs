using System.Text.Json.Nodes;

namespace SyncBridge.Worker.Tests.Updates;

/// <summary>
/// The update path suite on the embedded durable queue (the default transport) as the worker runs it by default: in
/// the state store's own SQLite file, beside the outbox and the ledger.
/// </summary>
public sealed class EmbeddedQueueUpdatePathTests : UpdatePathSuite
{
    protected override bool StrictPersonOrder => true;

    protected override JsonObject QueueSection(string directory) => new()
    {
        ["Transport"] = "Embedded",
        ["Embedded"] = new JsonObject { ["MaxDeliveryCount"] = 5 },
    };
}
