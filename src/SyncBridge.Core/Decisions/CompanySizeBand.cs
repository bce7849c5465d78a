using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Decisions;

/// <summary>One company-size band of <see cref="ScoringOptions.CompanySizeBands"/>.</summary>
public sealed class CompanySizeBand
{
    [Range(0, int.MaxValue)]
    public int MinEmployees { get; set; }

    public double Points { get; set; }
}
