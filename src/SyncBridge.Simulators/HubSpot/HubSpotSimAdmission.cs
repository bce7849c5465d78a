namespace SyncBridge.Simulators.HubSpot;

/// <summary>The outcome of <see cref="HubSpotSimRateLimits.Admit"/>; <see cref="Policy"/> is null when admitted.</summary>
internal readonly record struct HubSpotSimAdmission(string? Policy, long DailyRemaining, int TenSecondRemaining);
