using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Decisions;

/// <summary>Points for page views whose URL path matches <see cref="Pattern"/> (e.g. <c>/pricing*</c>, <c>/blog/*</c>).</summary>
public sealed class PageRule
{
    [Required]
    public string Pattern { get; set; } = string.Empty;

    public double Points { get; set; }
}
