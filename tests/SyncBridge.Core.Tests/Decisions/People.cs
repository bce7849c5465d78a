using SyncBridge.Core.Contacts;
using SyncBridge.Core.Decisions;

namespace SyncBridge.Core.Tests.Decisions;

/// <summary>Builds contacts and engines for decision tests.</summary>
internal static class People
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static EmailAddress Email(string address, bool valid = true) =>
        new(address, address.Trim().ToLowerInvariant(), valid, address.Trim().ToLowerInvariant());

    public static CanonicalContact Contact(string email = "taro.yamada@example.co.jp") => new()
    {
        Email = email.Length == 0 ? EmailAddress.Empty : Email(email),
        CountryCode = "JP",
    };

    public static Activity Ago(ActivityType type, double days, string detail = "") =>
        new(type, AsOf.AddDays(-days), detail);

    public static CanonicalContact With(this CanonicalContact contact, params Activity[] activities) =>
        contact with { Activities = [.. contact.Activities, .. activities] };

    /// <summary>Settings with nothing that scores unless a test sets it: no fit points, no page rules, no activity points.</summary>
    public static DecisionSettings Bare()
    {
        var s = new DecisionSettings();
        s.Scoring.SeniorityPoints.Clear();
        s.Scoring.DepartmentPoints.Clear();
        s.Scoring.CountryPoints.Clear();
        s.Scoring.IndustryPoints.Clear();
        s.Scoring.ActivityPoints.Clear();
        s.Scoring.CompanySizeBands = [];
        s.Scoring.PageRules = [];
        return s;
    }

    public static PersonDecision Decide(this DecisionSettings settings, CanonicalContact contact, bool trace = false) =>
        new DecisionEngine(settings).Decide(new DecisionSubject("p1", contact), AsOf, trace);
}
