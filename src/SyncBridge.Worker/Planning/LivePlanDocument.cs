using System.Text.Json.Serialization;

namespace SyncBridge.Worker.Planning;

/// <summary>The JSON shape of <c>plan --live --format json</c> (what the table shows, for machines).</summary>
internal sealed class LivePlanDocument
{
    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("fingerprint")]
    public PlanFingerprintDocument Fingerprint { get; set; } = new();

    [JsonPropertyName("persons")]
    public List<LivePlanPersonDocument> Persons { get; set; } = [];

    [JsonPropertyName("summary")]
    public LivePlanSummaryDocument Summary { get; set; } = new();
}

/// <summary>A person with changes (every person with <c>--all</c>).</summary>
internal sealed class LivePlanPersonDocument
{
    [JsonPropertyName("person_id")]
    public string PersonId { get; set; } = string.Empty;

    [JsonPropertyName("lifecycle_stage_before")]
    public string? LifecycleStageBefore { get; set; }

    [JsonPropertyName("lifecycle_stage")]
    public string LifecycleStage { get; set; } = string.Empty;

    [JsonPropertyName("marketing")]
    public string Marketing { get; set; } = string.Empty;

    [JsonPropertyName("reasons")]
    public List<string> Reasons { get; set; } = [];

    [JsonPropertyName("targets")]
    public List<LivePlanTargetDocument> Targets { get; set; } = [];
}

/// <summary>One target record and its properties.</summary>
internal sealed class LivePlanTargetDocument
{
    [JsonPropertyName("system")]
    public string System { get; set; } = string.Empty;

    [JsonPropertyName("object_type")]
    public string ObjectType { get; set; } = string.Empty;

    [JsonPropertyName("record_id")]
    public string RecordId { get; set; } = string.Empty;

    [JsonPropertyName("changes")]
    public bool Changes { get; set; }

    [JsonPropertyName("properties")]
    public List<LivePlanPropertyDocument> Properties { get; set; } = [];
}

/// <summary>One property: what SyncBridge last wrote (null when never) and what it wants now.</summary>
internal sealed class LivePlanPropertyDocument
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("from")]
    public string? From { get; set; }

    [JsonPropertyName("to")]
    public string To { get; set; } = string.Empty;

    [JsonPropertyName("changes")]
    public bool Changes { get; set; }
}

/// <summary>The counts of the summary line and the billing forecast.</summary>
internal sealed class LivePlanSummaryDocument
{
    [JsonPropertyName("persons_decided")]
    public int PersonsDecided { get; set; }

    [JsonPropertyName("persons_with_changes")]
    public int PersonsWithChanges { get; set; }

    [JsonPropertyName("records_to_change")]
    public int RecordsToChange { get; set; }

    [JsonPropertyName("hubspot_records_to_change")]
    public int HubSpotRecordsToChange { get; set; }

    [JsonPropertyName("salesforce_records_to_change")]
    public int SalesforceRecordsToChange { get; set; }

    [JsonPropertyName("records_unchanged")]
    public int RecordsUnchanged { get; set; }

    [JsonPropertyName("marketing_now")]
    public int MarketingNow { get; set; }

    [JsonPropertyName("peak_before_update")]
    public int PeakBeforeUpdate { get; set; }

    [JsonPropertyName("marketing_after_update")]
    public int MarketingAfterUpdate { get; set; }

    [JsonPropertyName("next_update_date")]
    public string NextUpdateDate { get; set; } = string.Empty;

    [JsonPropertyName("tier_limit")]
    public int TierLimit { get; set; }

    [JsonPropertyName("over_tier")]
    public bool OverTier { get; set; }
}
