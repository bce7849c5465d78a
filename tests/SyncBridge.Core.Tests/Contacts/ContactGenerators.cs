using FsCheck;
using FsCheck.Fluent;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Tests.Contacts;

/// <summary>
/// Random canonical contacts for property tests: every field drawn, texts mixing ASCII, JSON-special and control
/// characters, Japanese, emoji (surrogate pairs) and line separators; timestamps with any offset and tick; decimals with
/// any scale; enum values with no name.
/// </summary>
internal static class ContactGenerators
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\0", "\u001f", "<", ">", "&", "'", "+", "@", ".", "é", "ß",
        "佐藤", "株式会社", "ｶﾅ", "😀", "\u2028", "\uFEFF", "\u00a0", "{", "}", ":", ",",
    ];

    public static Gen<string> Text { get; } = Gen.ListOf(Gen.Elements(Pieces)).Select(p => string.Concat(p.Take(10)));

    public static Gen<DateTimeOffset> Time { get; } =
        from days in Gen.Choose(0, 200 * 366)
        from second in Gen.Choose(0, 86_399)
        from tick in Gen.OneOf(Gen.Constant(0), Gen.Choose(0, 9_999_999))
        from offsetMinutes in Gen.OneOf(Gen.Constant(0), Gen.Choose(-14 * 60, 14 * 60))
        select new DateTimeOffset(new DateTime(1900, 1, 1).AddDays(days).AddSeconds(second).AddTicks(tick), TimeSpan.FromMinutes(offsetMinutes));

    public static Gen<DateTimeOffset?> MaybeTime { get; } = Gen.OneOf(Gen.Constant<DateTimeOffset?>(null), Time.Select(t => (DateTimeOffset?)t));

    public static Gen<bool?> MaybeBool { get; } = Gen.Elements<bool?>(null, false, true);

    public static Gen<int?> MaybeInt { get; } = Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(-5, 1_000_000).Select(i => (int?)i));

    public static Gen<decimal?> MaybeDecimal { get; } = Gen.OneOf(
        Gen.Constant<decimal?>(null),
        from low in Gen.Choose(int.MinValue, int.MaxValue)
        from high in Gen.Choose(0, 1000)
        from negative in Gen.Elements(false, true)
        from scale in Gen.Choose(0, 10)
        select (decimal?)new decimal(low, 0, high, negative, (byte)scale));

    public static Gen<SourceRef> Source { get; } =
        from system in Any<SourceSystem>()
        from objectType in Gen.OneOf(Gen.Constant<string>(null!), Gen.Elements("contact", "Lead", "Contact", string.Empty), Text)
        from id in Gen.OneOf(Gen.Constant<string>(null!), Text)
        select new SourceRef(system, objectType, id);

    public static Gen<Dictionary<string, string>> Texts { get; } =
        Gen.ListOf(from key in Text from value in Text select (key, value))
            .Select(pairs => pairs.Take(5).DistinctBy(p => p.key, StringComparer.Ordinal).ToDictionary(p => p.key, p => p.value, StringComparer.Ordinal));

    public static Gen<EmailAddress> Emails { get; } = Gen.OneOf(
        Gen.Constant(EmailAddress.Empty),
        from original in Text
        from normalized in Text
        from valid in Gen.Elements(false, true)
        from matchKey in Text
        select new EmailAddress(original, normalized, valid, matchKey));

    public static Gen<PhoneNumber> Phones { get; } = Gen.OneOf(
        Gen.Constant(PhoneNumber.Empty),
        from original in Text
        from e164 in Text
        from extension in Text
        from valid in Gen.Elements(false, true)
        select new PhoneNumber(original, e164, extension, valid));

    public static Gen<Company> Companies { get; } = Gen.OneOf(
        Gen.Constant(Company.Empty),
        from name in Text
        from key in Text
        from domain in Text
        from industry in Text
        from employees in MaybeInt
        from fiscal in MaybeInt
        from hasAccount in MaybeBool
        select new Company { Name = name, Key = key, Domain = domain, Industry = industry, EmployeeCount = employees, FiscalYearEndMonth = fiscal, HasAccount = hasAccount });

    public static Gen<Acquisition> Acquisitions { get; } = Gen.OneOf(
        Gen.Constant(Acquisition.Unknown),
        from channel in Any<AcquisitionChannel>()
        from direction in Any<AcquisitionDirection>()
        from keyword in Text
        from product in Text
        from firstTouch in MaybeTime
        select new Acquisition { Channel = channel, Direction = direction, SearchKeyword = keyword, ProductOfInterest = product, FirstTouchAt = firstTouch });

    public static Gen<Activity> Activities { get; } =
        from type in Any<ActivityType>()
        from at in Gen.OneOf(Gen.Constant(default(DateTimeOffset)), Time)
        from detail in Text
        from notes in Text
        from answers in Texts
        select new Activity(type, at, detail) { Notes = notes, Answers = answers };

    public static Gen<Deal> Deals { get; } =
        from id in Text
        from stage in Text
        from outcome in Any<DealOutcome>()
        from name in Text
        from amount in MaybeDecimal
        from closed in MaybeTime
        select new Deal(id, stage, outcome) { Name = name, Amount = amount, ClosedAt = closed };

    public static Gen<Consent> Consents { get; } = Gen.OneOf(
        Gen.Constant(Consent.Unknown),
        from unsubscribed in MaybeBool
        from bounced in MaybeBool
        from reason in Text
        from state in Any<ConsentState>()
        from basis in Text
        select new Consent { UnsubscribedFromAll = unsubscribed, HardBounced = bounced, BounceReason = reason, State = state, LawfulBasis = basis });

    public static Gen<Dictionary<string, PropertyProvenance>> Provenance { get; } =
        Gen.ListOf(from key in Gen.OneOf(Gen.Elements([.. ContactProperties.All]), Text) from system in Any<SourceSystem>() from at in MaybeTime select (key, value: new PropertyProvenance(system, at)))
            .Select(pairs => pairs.Take(6).DistinctBy(p => p.key, StringComparer.Ordinal).ToDictionary(p => p.key, p => p.value, StringComparer.Ordinal));

    private static Gen<CanonicalContact> Person { get; } =
        from family in Text
        from given in Text
        from email in Emails
        from phone in Phones
        from mobile in Phones
        from title in Text
        from seniority in Any<Seniority>()
        from departmentText in Text
        from department in Any<Department>()
        from country in Gen.OneOf(Gen.Elements("JP", "US", string.Empty), Text)
        from profiles in Gen.ListOf(Text)
        select new CanonicalContact
        {
            FamilyName = family,
            GivenName = given,
            Email = email,
            Phone = phone,
            Mobile = mobile,
            Title = title,
            Seniority = seniority,
            DepartmentText = departmentText,
            Department = department,
            CountryCode = country,
            SocialProfiles = [.. profiles.Take(3)],
        };

    public static Gen<CanonicalContact> Contact { get; } =
        from person in Person
        from source in Source
        from identities in Gen.ListOf(Source)
        from company in Companies
        from acquisition in Acquisitions
        from activities in Gen.ListOf(Activities)
        from lastVisit in MaybeTime
        from deals in Gen.ListOf(Deals)
        from consent in Consents
        from stage in Gen.OneOf(Gen.Constant<LifecycleStage?>(null), Any<LifecycleStage>().Select(s => (LifecycleStage?)s))
        from salesStatus in Text
        from marketable in MaybeBool
        from modified in MaybeTime
        from provenance in Provenance
        from extra in Texts
        select person with
        {
            Source = source,
            Identities = [.. identities.Take(4)],
            Company = company,
            Acquisition = acquisition,
            Activities = [.. activities.Take(6)],
            LastVisitAt = lastVisit,
            Deals = [.. deals.Take(3)],
            Consent = consent,
            LifecycleStage = stage,
            SalesStatus = salesStatus,
            HubSpotMarketable = marketable,
            SourceModifiedAt = modified,
            Provenance = provenance,
            Extra = extra,
        };

    /// <summary>Every named value of <typeparamref name="T"/>, and one with no name.</summary>
    private static Gen<T> Any<T>()
        where T : struct, Enum =>
        Gen.Elements([.. Enum.GetValues<T>(), (T)Enum.ToObject(typeof(T), 77)]);
}
