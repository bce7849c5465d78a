using System.Text.Json.Nodes;

namespace SyncBridge.Connectors.Salesforce.Tests.Support;

/// <summary>
/// The Salesforce request/response examples in ../shared/contracts/salesforce, read at test time (never copied
/// into the project): the folder beside the directory that holds SyncBridge.sln.
/// </summary>
internal static class ContractFiles
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root.Value, relativePath));

    public static JsonNode ReadNode(string relativePath) => JsonNode.Parse(Read(relativePath))
        ?? throw new InvalidOperationException($"{relativePath} is empty");

    /// <summary>The token success response with its instance_url pointed at <paramref name="instanceUrl"/>.</summary>
    public static string TokenResponse(string file, string instanceUrl)
    {
        var node = ReadNode(file);
        node["instance_url"] = instanceUrl.TrimEnd('/');
        return node.ToJsonString();
    }

    public const string AuthSuccess = "restforce/spec/fixtures/auth_success_response.json";
    public const string AuthError = "restforce/spec/fixtures/auth_error_response.json";
    public const string ReauthSuccess = "restforce/spec/fixtures/reauth_success_response.json";
    public const string RefreshSuccess = "restforce/spec/fixtures/refresh_success_response.json";
    public const string RefreshError = "restforce/spec/fixtures/refresh_error_response.json";
    public const string ExpiredSession = "restforce/spec/fixtures/expired_session_response.json";
    public const string Versions = "netcoreforce/src/NetCoreForce.Client.Tests/responses/versions.json";
    public const string QueryBatch = "netcoreforce/src/NetCoreForce.Client.Tests/responses/querybatch/batch-{0}.json";
    public const string QueryEmpty = "netcoreforce/src/NetCoreForce.Client.Tests/responses/query_empty_result.json";
    public const string ContactRecord = "netcoreforce/src/NetCoreForce.Client.Tests/responses/contact.json";
    public const string Deleted = "restforce/spec/fixtures/sobject/get_deleted_success_response.json";
    public const string QueryError = "restforce/spec/fixtures/sobject/query_error_response.json";
    public const string WriteError = "restforce/spec/fixtures/sobject/write_error_response.json";
    public const string CreateSuccess = "restforce/spec/fixtures/sobject/create_success_response.json";
    public const string UpsertError = "restforce/spec/fixtures/sobject/upsert_error_response.json";

    private static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SyncBridge.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException("SyncBridge.sln not found above " + AppContext.BaseDirectory);
        }

        var root = Path.Combine(directory.Parent.FullName, "shared", "contracts", "salesforce");
        return Directory.Exists(root)
            ? root
            : throw new InvalidOperationException($"The Salesforce contracts are expected at {root} (../shared beside the clone).");
    }
}
