namespace SyncBridge.Simulators.HubSpot;

/// <summary>What the simulator served: requests by endpoint, 429s by policy, contacts held.</summary>
public sealed record HubSpotSimulatorStats(
    IReadOnlyDictionary<string, long> RequestsByEndpoint,
    IReadOnlyDictionary<string, long> RateLimitedByPolicy,
    int Contacts,
    int ArchivedContacts)
{
    public long TotalRequests => RequestsByEndpoint.Values.Sum();

    public long TotalRateLimited => RateLimitedByPolicy.Values.Sum();

    public long Requests(string endpoint) => RequestsByEndpoint.TryGetValue(endpoint, out var count) ? count : 0;
}
