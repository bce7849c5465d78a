namespace SyncBridge.Simulators.HubSpot;

/// <summary>One stored form submission; <paramref name="ConversionId"/> is its id on the wire.</summary>
internal sealed record HubSpotSimFormSubmission(string ConversionId, long SubmittedAtMs, string PageUrl, string Email, string FirstName, string LastName, string Company);
