using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Worker.Web;

/// <summary>Settings of section <c>SyncBridge:Status</c>: the status web server (status page, health, metrics) that <c>run</c> hosts.</summary>
internal sealed class StatusOptions
{
    public const string SectionName = "SyncBridge:Status";

    /// <summary>Whether <c>run</c> hosts the status web server.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Where it listens: one absolute http URL, or several separated by ';'. Port 0 takes a free port (the bound address
    /// is logged). A non-loopback address is allowed but logged as a warning: the page has no authentication.
    /// </summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The URLs, split on ';'.</summary>
    public IReadOnlyList<string> UrlList =>
        [.. Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
