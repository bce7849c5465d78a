using System.Text.Json.Serialization;

namespace SyncBridge.Worker.Planning;

/// <summary>The JSON shape of a plan file (<c>plan --live --out PLAN.json</c>, read by <c>apply</c>).</summary>
internal sealed class PlanFileDocument
{
    [JsonPropertyName("format_version")]
    public int FormatVersion { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("fingerprint")]
    public PlanFingerprintDocument? Fingerprint { get; set; }

    [JsonPropertyName("change_sets")]
    public List<PlanChangeSetDocument>? ChangeSets { get; set; }
}

/// <summary>The state a plan was made from.</summary>
internal sealed class PlanFingerprintDocument
{
    [JsonPropertyName("contact_sequence")]
    public long? ContactSequence { get; set; }

    [JsonPropertyName("snapshot_hash")]
    public string? SnapshotHash { get; set; }
}

/// <summary>One person's decision and every target record it reaches.</summary>
internal sealed class PlanChangeSetDocument
{
    [JsonPropertyName("decision")]
    public PlanDecisionDocument? Decision { get; set; }

    [JsonPropertyName("targets")]
    public List<PlanTargetDocument>? Targets { get; set; }
}

/// <summary>A decision as the state store keeps it.</summary>
internal sealed class PlanDecisionDocument
{
    [JsonPropertyName("person_id")]
    public string? PersonId { get; set; }

    [JsonPropertyName("lifecycle_stage")]
    public string? LifecycleStage { get; set; }

    [JsonPropertyName("marketing")]
    public string? Marketing { get; set; }

    [JsonPropertyName("reason_codes")]
    public string? ReasonCodes { get; set; }

    [JsonPropertyName("score")]
    public double Score { get; set; }

    [JsonPropertyName("hot")]
    public bool Hot { get; set; }

    [JsonPropertyName("decided_at")]
    public DateTimeOffset? DecidedAt { get; set; }

    [JsonPropertyName("trace")]
    public string? Trace { get; set; }
}

/// <summary>One target record: the properties SyncBridge wants it to hold, and the names of those that change.</summary>
internal sealed class PlanTargetDocument
{
    [JsonPropertyName("system")]
    public string? System { get; set; }

    [JsonPropertyName("object_type")]
    public string? ObjectType { get; set; }

    [JsonPropertyName("record_id")]
    public string? RecordId { get; set; }

    [JsonPropertyName("desired")]
    public SortedDictionary<string, string>? Desired { get; set; }

    [JsonPropertyName("changed")]
    public List<string>? Changed { get; set; }
}
