namespace SyncBridge.Simulators.HubSpot;

/// <summary>One stored form submission.</summary>
internal sealed record HubSpotSimFormSubmission(long SubmittedAtMs, string PageUrl, string Email, string FirstName, string LastName, string Company);
