using SyncBridge.Worker.Reporting;

namespace SyncBridge.Worker.Web;

/// <summary>
/// Renders the status page (a standalone HTML document) from a <see cref="StatusReport"/>. <paramref name="explainLink"/>
/// maps a person id to the link of its explain trace (null: no link). The page refreshes itself every
/// <see cref="RefreshSeconds"/> seconds.
/// </summary>
internal interface IStatusPageRenderer
{
    /// <summary>The meta refresh of the status page.</summary>
    public const string RefreshSeconds = "15";

    string Render(StatusReport report, Func<string, string?> explainLink);
}
