using SyncBridge.Core.Contacts;

namespace SyncBridge.Worker.Commands;

/// <summary>
/// Merges the rows of one person into the contact the engine decides. Rows are taken in file order: the first
/// non-blank value of a property wins; the lifecycle stage is the furthest any row holds (forward-only across
/// systems); opt-out and hard bounce are true when any row says so; consent denied beats granted beats unknown;
/// HubSpot's marketing status is true when any row says so (HubSpot bills every marketing record); deals and
/// identities are the union.
/// </summary>
internal static class PlanPersonMerger
{
    public static CanonicalContact Merge(IReadOnlyList<CanonicalContact> rows, IReadOnlyList<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(activities);
        var first = rows[0];
        if (rows.Count == 1)
        {
            return activities.Count == 0 ? first : first with { Activities = activities };
        }

        var email = rows.Select(r => r.Email).FirstOrDefault(e => e.IsValid) ?? rows.Select(r => r.Email).FirstOrDefault(e => !e.IsEmpty) ?? EmailAddress.Empty;
        LifecycleStage? stage = null;
        foreach (var r in rows)
        {
            if (r.LifecycleStage is not { } s)
            {
                continue;
            }

            stage = stage is not { } current ? s
                : !current.IsOrdered() ? s
                : s.IsOrdered() && s > current ? s
                : current;
        }

        return first with
        {
            Identities = [.. rows.SelectMany(r => r.Identities.Count > 0 ? r.Identities : [r.Source]).Distinct()],
            FamilyName = FirstText(rows, r => r.FamilyName),
            GivenName = FirstText(rows, r => r.GivenName),
            Email = email,
            Phone = rows.Select(r => r.Phone).FirstOrDefault(p => p.IsValid) ?? first.Phone,
            Mobile = rows.Select(r => r.Mobile).FirstOrDefault(p => p.IsValid) ?? first.Mobile,
            Title = FirstText(rows, r => r.Title),
            Seniority = rows.Select(r => r.Seniority).FirstOrDefault(s => s != Seniority.Unknown),
            DepartmentText = FirstText(rows, r => r.DepartmentText),
            Department = rows.Select(r => r.Department).FirstOrDefault(d => d != Department.None),
            CountryCode = FirstText(rows, r => r.CountryCode),
            Company = first.Company with
            {
                Name = FirstText(rows, r => r.Company.Name),
                Key = FirstText(rows, r => r.Company.Key),
                Domain = FirstText(rows, r => r.Company.Domain),
                Industry = FirstText(rows, r => r.Company.Industry),
                EmployeeCount = rows.Select(r => r.Company.EmployeeCount).FirstOrDefault(n => n is not null),
            },
            Activities = activities,
            Deals = [.. rows.SelectMany(r => r.Deals).DistinctBy(d => (d.Id, d.Outcome))],
            Consent = new Consent
            {
                UnsubscribedFromAll = AnyTrue(rows, r => r.Consent.UnsubscribedFromAll),
                HardBounced = AnyTrue(rows, r => r.Consent.HardBounced),
                State = rows.Any(r => r.Consent.State == ConsentState.Denied) ? ConsentState.Denied
                    : rows.Any(r => r.Consent.State == ConsentState.Granted) ? ConsentState.Granted
                    : ConsentState.Unknown,
                BounceReason = FirstText(rows, r => r.Consent.BounceReason),
                LawfulBasis = FirstText(rows, r => r.Consent.LawfulBasis),
            },
            LifecycleStage = stage,
            SalesStatus = FirstText(rows, r => r.SalesStatus),
            HubSpotMarketable = AnyTrue(rows, r => r.HubSpotMarketable),
        };
    }

    private static string FirstText(IReadOnlyList<CanonicalContact> rows, Func<CanonicalContact, string> value)
    {
        foreach (var r in rows)
        {
            var v = value(r);
            if (!string.IsNullOrWhiteSpace(v))
            {
                return v;
            }
        }

        return string.Empty;
    }

    /// <summary>True when any row says true; false when none does and one says false; null when all are unknown.</summary>
    private static bool? AnyTrue(IReadOnlyList<CanonicalContact> rows, Func<CanonicalContact, bool?> value)
    {
        bool? result = null;
        foreach (var r in rows)
        {
            switch (value(r))
            {
                case true: return true;
                case false: result = false; break;
            }
        }

        return result;
    }
}
