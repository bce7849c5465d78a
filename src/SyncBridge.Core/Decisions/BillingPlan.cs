namespace SyncBridge.Core.Decisions;

/// <summary>How the HubSpot contract is billed; decides the next marketing-status update date.</summary>
public enum BillingPlan
{
    /// <summary>Monthly: non-marketing takes effect on the renewal day of each month.</summary>
    Monthly = 0,

    /// <summary>Annual: non-marketing takes effect on the 1st of each month.</summary>
    Annual,
}
