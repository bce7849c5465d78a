namespace SyncBridge.Connectors.HubSpot.Tests.Fakes;

/// <summary>HubSpot response bodies, written by hand from the public API reference.</summary>
public static class HubSpotWire
{
    public const string ContactsPath = "/crm/objects/2026-09/contacts";

    public static string RateLimited(string policy) =>
        $$"""{"status":"error","message":"You have reached your limit.","errorType":"RATE_LIMIT","correlationId":"4f6c2b1e-0000-4000-8000-000000000001","policyName":"{{policy}}"}""";

    public static string Contact(long id, string lastModified, string email = "") =>
        $$"""{"id":"{{id}}","properties":{"hs_object_id":"{{id}}","email":"{{(email.Length == 0 ? $"person{id}@example.com" : email)}}","firstname":"First{{id}}","lastname":"Last{{id}}","lastmodifieddate":"{{lastModified}}","lifecyclestage":"lead","hs_email_optout":"false","hs_marketable_status":"true"},"createdAt":"2026-01-01T00:00:00.000Z","updatedAt":"{{lastModified}}","archived":false}""";

    public static string Page(IEnumerable<string> results, string? after) =>
        "{\"results\":[" + string.Join(",", results) + "]" + (after is null ? string.Empty : ",\"paging\":{\"next\":{\"after\":\"" + after + "\"}}") + "}";

    public static string SearchPage(int total, IEnumerable<string> results, string? after) =>
        "{\"total\":" + total + ",\"results\":[" + string.Join(",", results) + "]" + (after is null ? string.Empty : ",\"paging\":{\"next\":{\"after\":\"" + after + "\"}}") + "}";
}
