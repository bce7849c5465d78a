namespace SyncBridge.Simulators.HubSpot;

/// <summary>HubSpot's default lifecycle stages in order; "other" is outside the order.</summary>
internal static class HubSpotSimLifecycle
{
    public static readonly string[] Stages =
        ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist", "other"];

    /// <summary>Rank in the forward order, or -1 for "other", blank or unknown.</summary>
    public static int Rank(string? stage)
    {
        var index = Array.IndexOf(Stages, stage?.Trim().ToLowerInvariant());
        return index is < 0 or 7 ? -1 : index;
    }
}
