using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Worker.DropFolder;

/// <summary>
/// Settings of section <c>SyncBridge:DropFolder</c>: a folder watched for contacts CSV files (the <c>normalize</c> /
/// <c>import</c> format). Optional: the <c>csv:dropfolder</c> source exists only when <see cref="Path"/> is set.
/// </summary>
internal sealed class DropFolderOptions
{
    public const string SectionName = "SyncBridge:DropFolder";

    /// <summary>The folder read; it must exist. Empty (the default) registers no drop-folder source.</summary>
    public string? Path { get; set; }

    /// <summary>A file written to more recently than this is left for the next run (it may still be being copied in).</summary>
    public TimeSpan MinFileAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Rows per page handed to the engine (the cursor is saved after each page).</summary>
    [Range(1, 100_000)]
    public int PageSize { get; set; } = 1_000;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path);
}
