namespace SyncBridge.Worker.Reporting;

/// <summary>
/// What the rendered report links to and how it refreshes. <see cref="Explain"/> maps a person id to the URL of its
/// decision trace, or null for no link; <see cref="RefreshSeconds"/> adds a meta refresh (the live page) when set.
/// </summary>
internal sealed record ReportLinks(Func<string, string?> Explain, string? RefreshSeconds = null)
{
    /// <summary>The standalone file: no links (nothing to link to), no refresh.</summary>
    public static ReportLinks Standalone { get; } = new(_ => null);
}
