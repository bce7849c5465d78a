using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Connectors.HubSpot.Configuration;

/// <summary>
/// Settings of section <c>SyncBridge:HubSpot</c>: one HubSpot account (portal). Everything an account needs
/// lives here (endpoint, auth, quota, resilience, polling), so a second account is a second instance of this
/// class under its own <see cref="AccountName"/>.
/// </summary>
public sealed class HubSpotOptions
{
    public const string SectionName = "SyncBridge:HubSpot";

    /// <summary>Names the account in metrics, logs, the resilience pipeline key and the cursor key.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9_-]{0,39}$", ErrorMessage = "AccountName must be 1-40 lower-case letters, digits, '-' or '_'.")]
    public string AccountName { get; set; } = "default";

    /// <summary><c>2026-09</c> (date-versioned paths, default) or <c>v3</c>.</summary>
    [Required]
    public string ApiGeneration { get; set; } = "2026-09";

    [Required]
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com");

    /// <summary>Static bearer token (service key or private-app token). From environment / user secrets only.</summary>
    public string? AccessToken { get; set; }

    /// <summary>OAuth 2.0 refresh-token flow, used when <see cref="AccessToken"/> is empty.</summary>
    public HubSpotOAuthOptions OAuth { get; set; } = new();

    /// <summary>The account's 10-second request quota (100 Free/Starter, 190 Professional/Enterprise).</summary>
    [Range(1, 10_000)]
    public int RequestsPer10Seconds { get; set; } = 100;

    /// <summary>Share of the 10-second quota left for other apps in the portal (0-90).</summary>
    [Range(0, 90)]
    public int HeadroomPercent { get; set; } = 10;

    /// <summary>The search endpoints' own limit per second.</summary>
    [Range(1, 100)]
    public int SearchRequestsPerSecond { get; set; } = 5;

    /// <summary>The account's daily request quota, used until HubSpot's headers report the real one.</summary>
    [Range(1, 100_000_000)]
    public int DailyLimit { get; set; } = 250_000;

    /// <summary>IANA or Windows time-zone id of the account: the daily quota resets at its midnight.</summary>
    [Required]
    public string AccountTimeZone { get; set; } = "UTC";

    /// <summary>Timeout of one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one call including rate-limiter waits and retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt (5xx, timeouts, connection failures, 10-second and secondly 429s).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>First backoff delay; doubles per retry with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after a 429 that carries no Retry-After header.</summary>
    public TimeSpan RateLimitedDefaultDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Circuit breaker: failure ratio (0-1) over the sampling window that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;

    [Range(2, 10_000)]
    public int CircuitBreakerMinimumThroughput { get; set; } = 20;

    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How far back each incremental search re-reads, for HubSpot's search index lag.</summary>
    public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Records per list page (HubSpot allows up to 100).</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Records per search page (HubSpot allows up to 200).</summary>
    [Range(1, 200)]
    public int SearchPageSize { get; set; } = 200;

    /// <summary>The search endpoint's result cap per query; windows are split below it.</summary>
    [Range(200, 10_000)]
    public int SearchResultCap { get; set; } = 10_000;

    /// <summary>How many ids delivered inside the overlap window the cursor remembers to skip re-reads.</summary>
    [Range(0, 100_000)]
    public int OverlapSeenCapacity { get; set; } = 2_000;

    /// <summary>Read archived (deleted) contacts on each run.</summary>
    public bool ReadArchived { get; set; } = true;

    /// <summary>Contact properties read besides the ones the mapping needs.</summary>
    public List<string> ExtraProperties { get; set; } = [];

    /// <summary>Read form submissions as the <c>hubspot:forms</c> source.</summary>
    public bool ReadForms { get; set; } = true;

    /// <summary>GUIDs of the forms whose submissions are read; empty reads every form the Forms API lists.</summary>
    public List<string> Forms { get; set; } = [];

    /// <summary>Submissions per page of the form-integrations API (HubSpot allows up to 50).</summary>
    [Range(1, 50)]
    public int FormPageSize { get; set; } = 50;

    public HubSpotApiGeneration Generation =>
        string.Equals(ApiGeneration, "v3", StringComparison.OrdinalIgnoreCase) ? HubSpotApiGeneration.V3 : HubSpotApiGeneration.Dated202609;

    /// <summary>Permits per 10 seconds after the headroom is taken off (at least 1).</summary>
    public int EffectiveRequestsPer10Seconds => Math.Max(1, RequestsPer10Seconds * (100 - HeadroomPercent) / 100);
}
