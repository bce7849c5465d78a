namespace SyncBridge.Worker.Demo;

/// <summary>What <c>demo</c> was asked for.</summary>
internal sealed record DemoOptions
{
    /// <summary>The default population: large enough to show the tier budget and the funnel, small enough for a 2-core laptop.</summary>
    public const int DefaultPeople = 5_000;

    public int People { get; init; } = DefaultPeople;

    /// <summary>Where the state store, the normalized sample and (by default) the report go.</summary>
    public required DirectoryInfo Directory { get; init; }

    /// <summary>The HTML report's path (default: syncbridge-report.html in the current directory).</summary>
    public FileInfo? ReportFile { get; init; }

    /// <summary>Keep the status page up after the demo until Ctrl+C.</summary>
    public bool Serve { get; init; }

    /// <summary>Show the worker's information logs (the demo shows warnings and errors only by default).</summary>
    public bool Verbose { get; init; }

    public IReadOnlyList<string> ConfigFiles { get; init; } = [];
}
