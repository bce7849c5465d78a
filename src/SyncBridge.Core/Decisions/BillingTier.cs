using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Decisions;

/// <summary>One marketing-contact tier: up to <see cref="Contacts"/> marketing contacts for <see cref="MonthlyPrice"/>.</summary>
public sealed class BillingTier
{
    [Range(1, int.MaxValue)]
    public int Contacts { get; set; }

    [Range(typeof(decimal), "0", "79228162514264337593543950335")]
    public decimal MonthlyPrice { get; set; }
}
