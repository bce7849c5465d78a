namespace SyncBridge.Worker.Hosting;

/// <summary>How a verb wants its host: extra JSON settings files layered over appsettings, and the raw args.</summary>
internal sealed record HostSettings
{
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>JSON files layered, in order, over appsettings.json and before environment variables.</summary>
    public IReadOnlyList<string> ConfigFiles { get; init; } = [];

    /// <summary>Settings applied over every other source (the demo uses them to force embedded defaults).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether the scheduler and background services run (the <c>run</c> verb) or only services are built (one-shot verbs).</summary>
    public bool RunBackgroundServices { get; init; }
}
