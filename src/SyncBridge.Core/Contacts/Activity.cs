namespace SyncBridge.Core.Contacts;

/// <summary>
/// Kinds of activity. Push reactions (what the company sent and how the person reacted), pull interactions
/// (what the person came to), and web behaviour.
/// </summary>
public enum ActivityType
{
    EmailSend = 1,
    EmailOpen,
    EmailClick,
    FormSubmission,
    PageView,
    EventAttended,
    DemoRequest,
    PricingInquiry,
    Call,
    DirectMail,
    Visit,
    Unsubscribe,
}

/// <summary>
/// One thing that happened with a person. <see cref="Detail"/> is the URL, form, campaign or event name;
/// <see cref="Notes"/> holds free text (a call or visit note); <see cref="Answers"/> holds survey answers
/// from an event or seminar (e.g. "interest" → "high", "intent_to_consider" → "within_3_months").
/// </summary>
public sealed record Activity(ActivityType Type, DateTimeOffset OccurredAt, string Detail = "")
{
    public string Notes { get; init; } = string.Empty;
    public IReadOnlyDictionary<string, string> Answers { get; init; } = EmptyAnswers;

    private static readonly IReadOnlyDictionary<string, string> EmptyAnswers = new Dictionary<string, string>();

    /// <summary>A conversion: the person gave something (a form, a registration, a demo or pricing request).</summary>
    public bool IsConversion => Type is ActivityType.FormSubmission or ActivityType.EventAttended
        or ActivityType.DemoRequest or ActivityType.PricingInquiry;
}

public static class ActivityTypeNames
{
    public static string ToWireName(this ActivityType type) => type switch
    {
        ActivityType.EmailSend => "email_send",
        ActivityType.EmailOpen => "email_open",
        ActivityType.EmailClick => "email_click",
        ActivityType.FormSubmission => "form_submission",
        ActivityType.PageView => "page_view",
        ActivityType.EventAttended => "event_attended",
        ActivityType.DemoRequest => "demo_request",
        ActivityType.PricingInquiry => "pricing_inquiry",
        ActivityType.Call => "call",
        ActivityType.DirectMail => "direct_mail",
        ActivityType.Visit => "visit",
        ActivityType.Unsubscribe => "unsubscribe",
        _ => "unknown",
    };

    public static bool TryParse(string? value, out ActivityType type)
    {
        foreach (var candidate in Enum.GetValues<ActivityType>())
        {
            if (string.Equals(candidate.ToWireName(), value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }
}
