using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Connectors.Salesforce.Configuration;

/// <summary>
/// Settings of section <c>SyncBridge:Salesforce</c>. Secrets (ClientSecret, RefreshToken, the private key file)
/// come from configuration providers (environment, user secrets, a key vault), never from a committed file,
/// and are never logged.
/// </summary>
public sealed class SalesforceOptions
{
    public const string SectionName = "SyncBridge:Salesforce";

    /// <summary>Login host the token is requested from: login.salesforce.com, test.salesforce.com or the org's My Domain.</summary>
    [Required]
    public Uri LoginUrl { get; set; } = new("https://login.salesforce.com");

    /// <summary>REST API version without the leading v, e.g. 65.0.</summary>
    [Required]
    [RegularExpression(@"^\d{2,3}\.0$", ErrorMessage = "ApiVersion must look like 65.0.")]
    public string ApiVersion { get; set; } = "65.0";

    public SalesforceAuthFlow Flow { get; set; } = SalesforceAuthFlow.ClientCredentials;

    /// <summary>Consumer key of the connected app / external client app.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>Consumer secret (ClientCredentials; optional for RefreshToken). Secret.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>Integration user (JwtBearer: the <c>sub</c> claim).</summary>
    public string Username { get; set; } = string.Empty;

    /// <summary>PEM file holding the RSA private key that signs the JWT assertion (JwtBearer). Secret.</summary>
    public string PrivateKeyPath { get; set; } = string.Empty;

    /// <summary>Refresh token (RefreshToken flow). Secret.</summary>
    public string RefreshToken { get; set; } = string.Empty;

    /// <summary>
    /// How long a session is trusted before it is renewed proactively (Salesforce returns no expiry; the org's
    /// session timeout decides). A 401 INVALID_SESSION_ID renews it earlier.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Records per query page (<c>Sforce-Query-Options: batchSize</c>), 200..2000.</summary>
    [Range(200, 2000)]
    public int QueryBatchSize { get; set; } = 2000;

    /// <summary>SOQL LIMIT of one incremental query; a run that reaches it continues with a new query from the cursor.</summary>
    [Range(200, 5_000_000)]
    public int MaxRecordsPerQuery { get; set; } = 100_000;

    /// <summary>Requests in flight at once against the org (Salesforce refuses more than 25 long-running ones).</summary>
    [Range(1, 25)]
    public int MaxConcurrentRequests { get; set; } = 10;

    /// <summary>Share of the org's rolling 24 h API allocation SyncBridge may use; it stops before reaching it.</summary>
    [Range(0.01, 1.0)]
    public double DailyAllocationShare { get; set; } = 0.5;

    /// <summary>Retries of a request that failed with 5xx, 408 or a timeout (exponential back-off with jitter).</summary>
    [Range(0, 10)]
    public int RetryCount { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of a request including its retries.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Read each Contact's opportunities (through OpportunityContactRoles) for the deal / lifecycle mapping.</summary>
    public bool IncludeOpportunities { get; set; } = true;

    /// <summary>Canonical property → Lead field. Keys not known to the canonical model (custom fields) land in Extra.</summary>
    public Dictionary<string, string> LeadFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Canonical property → Contact field; relationship paths such as Account.Name are allowed.</summary>
    public Dictionary<string, string> ContactFields { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Lead Status values that mean sales has qualified the lead (lifecycle salesqualifiedlead).</summary>
    public List<string> QualifiedLeadStatuses { get; set; } = [];

    public SalesforceWriteBackOptions WriteBack { get; set; } = new();
}
