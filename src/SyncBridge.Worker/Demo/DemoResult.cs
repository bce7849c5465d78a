using SyncBridge.Core.Sync;
using SyncBridge.Core.Sync.Updates;

namespace SyncBridge.Worker.Demo;

/// <summary>What the demo did, for its summary and for tests.</summary>
internal sealed record DemoResult
{
    public required int People { get; init; }

    /// <summary>Each source's ingest (null where the source stopped or failed; see <see cref="SourceErrors"/>).</summary>
    public required IReadOnlyList<IngestSummary> Sources { get; init; }

    public IReadOnlyList<string> SourceErrors { get; init; } = [];

    public required int Persons { get; init; }

    public required DecideSummary Decided { get; init; }

    public required ConsumeBatchResult Updates { get; init; }

    public required long Dispatched { get; init; }

    /// <summary>429 (HubSpot) and REQUEST_LIMIT_EXCEEDED (Salesforce) responses the simulators served.</summary>
    public required long RateLimited { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public string ReportPath { get; init; } = string.Empty;

    public required string StateStore { get; init; }

    public int Records => Sources.Sum(s => s.Contacts);
}
