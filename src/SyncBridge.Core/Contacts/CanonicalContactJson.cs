using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SyncBridge.Core.Contacts.Json;

namespace SyncBridge.Core.Contacts;

/// <summary>
/// The stored form of a <see cref="CanonicalContact"/>: versioned JSON (<c>"v":1</c>), culture-free, lossless.
/// Value objects are rebuilt from their stored parts as they were (never normalized again), timestamps keep their
/// offset and ticks, list and dictionary entries keep their order. Empty texts, empty lists and empty value objects are
/// left out, and read back as the model's empty defaults. Dictionaries are read back with ordinal keys.
/// Text is stored as UTF-8, so a lone surrogate (half a pair, which no UTF-8 or JSON source can deliver) becomes U+FFFD.
/// </summary>
public static class CanonicalContactJson
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int Version = 1;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Stored, not embedded in HTML: keep non-ASCII text (Japanese names) as UTF-8 instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private static readonly IReadOnlyDictionary<string, string> EmptyTexts = new Dictionary<string, string>();
    private static readonly IReadOnlyDictionary<string, PropertyProvenance> EmptyProvenance = new Dictionary<string, PropertyProvenance>();

    /// <summary>The contact as UTF-8 JSON.</summary>
    public static byte[] WriteUtf8(CanonicalContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, ToDto(contact), ContactJsonContext.Default.ContactDto);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The contact as a JSON text.</summary>
    public static string Write(CanonicalContact contact) => Encoding.UTF8.GetString(WriteUtf8(contact));

    /// <summary>Reads a contact written by <see cref="WriteUtf8"/>. Throws <see cref="JsonException"/> for another version or malformed input.</summary>
    public static CanonicalContact Read(ReadOnlySpan<byte> utf8Json)
    {
        var dto = JsonSerializer.Deserialize(utf8Json, ContactJsonContext.Default.ContactDto)
            ?? throw new JsonException("A stored contact is null.");
        return FromDto(dto);
    }

    /// <summary>Reads a contact written by <see cref="Write"/>. Throws <see cref="JsonException"/> for another version or malformed input.</summary>
    public static CanonicalContact Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var dto = JsonSerializer.Deserialize(json, ContactJsonContext.Default.ContactDto)
            ?? throw new JsonException("A stored contact is null.");
        return FromDto(dto);
    }

    private static ContactDto ToDto(CanonicalContact c) => new()
    {
        Version = Version,
        Source = ToDto(c.Source),
        Identities = c.Identities is { Count: > 0 } identities ? identities.Select(ToDto).ToArray() : null,
        FamilyName = Text(c.FamilyName),
        GivenName = Text(c.GivenName),
        Email = c.Email is null || c.Email == EmailAddress.Empty
            ? null
            : new EmailDto { Original = Text(c.Email.Original), Normalized = Text(c.Email.Normalized), IsValid = c.Email.IsValid, MatchKey = Text(c.Email.MatchKey) },
        Phone = ToDto(c.Phone),
        Mobile = ToDto(c.Mobile),
        Title = Text(c.Title),
        Seniority = c.Seniority,
        DepartmentText = Text(c.DepartmentText),
        Department = c.Department,
        CountryCode = Text(c.CountryCode),
        SocialProfiles = c.SocialProfiles is { Count: > 0 } profiles ? profiles : null,
        Company = c.Company is null || c.Company == Company.Empty
            ? null
            : new CompanyDto
            {
                Name = Text(c.Company.Name),
                Key = Text(c.Company.Key),
                Domain = Text(c.Company.Domain),
                Industry = Text(c.Company.Industry),
                EmployeeCount = c.Company.EmployeeCount,
                FiscalYearEndMonth = c.Company.FiscalYearEndMonth,
                HasAccount = c.Company.HasAccount,
            },
        Acquisition = c.Acquisition is null || c.Acquisition == Acquisition.Unknown
            ? null
            : new AcquisitionDto
            {
                Channel = c.Acquisition.Channel,
                Direction = c.Acquisition.Direction,
                SearchKeyword = Text(c.Acquisition.SearchKeyword),
                ProductOfInterest = Text(c.Acquisition.ProductOfInterest),
                FirstTouchAt = c.Acquisition.FirstTouchAt,
            },
        Activities = c.Activities is { Count: > 0 } activities ? activities.Select(ToDto).ToArray() : null,
        LastVisitAt = c.LastVisitAt,
        Deals = c.Deals is { Count: > 0 } deals
            ? deals.Select(d => new DealDto { Id = Text(d.Id), Stage = Text(d.Stage), Outcome = d.Outcome, Name = Text(d.Name), Amount = d.Amount, ClosedAt = d.ClosedAt }).ToArray()
            : null,
        Consent = c.Consent is null || c.Consent == Consent.Unknown
            ? null
            : new ConsentDto
            {
                UnsubscribedFromAll = c.Consent.UnsubscribedFromAll,
                HardBounced = c.Consent.HardBounced,
                BounceReason = Text(c.Consent.BounceReason),
                State = c.Consent.State,
                LawfulBasis = Text(c.Consent.LawfulBasis),
            },
        LifecycleStage = c.LifecycleStage,
        SalesStatus = Text(c.SalesStatus),
        HubSpotMarketable = c.HubSpotMarketable,
        SourceModifiedAt = c.SourceModifiedAt,
        Provenance = c.Provenance is { Count: > 0 } provenance
            ? provenance.ToDictionary(p => p.Key, p => new ProvenanceDto { Source = p.Value.Source, ChangedAt = p.Value.ChangedAt }, StringComparer.Ordinal)
            : null,
        Extra = c.Extra is { Count: > 0 } extra ? extra : null,
    };

    private static CanonicalContact FromDto(ContactDto dto)
    {
        if (dto.Version != Version)
        {
            throw new JsonException($"Stored contact format version {dto.Version} is not supported (this build reads version {Version}).");
        }

        return new CanonicalContact
        {
            Source = FromDto(dto.Source),
            Identities = dto.Identities is { Count: > 0 } identities ? identities.Select(FromDto).ToArray() : [],
            FamilyName = dto.FamilyName ?? string.Empty,
            GivenName = dto.GivenName ?? string.Empty,
            Email = dto.Email is { } email
                ? new EmailAddress(email.Original ?? string.Empty, email.Normalized ?? string.Empty, email.IsValid, email.MatchKey ?? string.Empty)
                : EmailAddress.Empty,
            Phone = FromDto(dto.Phone),
            Mobile = FromDto(dto.Mobile),
            Title = dto.Title ?? string.Empty,
            Seniority = dto.Seniority,
            DepartmentText = dto.DepartmentText ?? string.Empty,
            Department = dto.Department,
            CountryCode = dto.CountryCode ?? string.Empty,
            SocialProfiles = dto.SocialProfiles is { Count: > 0 } profiles ? profiles : [],
            Company = dto.Company is { } company
                ? new Company
                {
                    Name = company.Name ?? string.Empty,
                    Key = company.Key ?? string.Empty,
                    Domain = company.Domain ?? string.Empty,
                    Industry = company.Industry ?? string.Empty,
                    EmployeeCount = company.EmployeeCount,
                    FiscalYearEndMonth = company.FiscalYearEndMonth,
                    HasAccount = company.HasAccount,
                }
                : Company.Empty,
            Acquisition = dto.Acquisition is { } acquisition
                ? new Acquisition
                {
                    Channel = acquisition.Channel,
                    Direction = acquisition.Direction,
                    SearchKeyword = acquisition.SearchKeyword ?? string.Empty,
                    ProductOfInterest = acquisition.ProductOfInterest ?? string.Empty,
                    FirstTouchAt = acquisition.FirstTouchAt,
                }
                : Acquisition.Unknown,
            Activities = dto.Activities is { Count: > 0 } activities ? activities.Select(FromDto).ToArray() : [],
            LastVisitAt = dto.LastVisitAt,
            Deals = dto.Deals is { Count: > 0 } deals
                ? deals.Select(d => new Deal(d.Id ?? string.Empty, d.Stage ?? string.Empty, d.Outcome) { Name = d.Name ?? string.Empty, Amount = d.Amount, ClosedAt = d.ClosedAt }).ToArray()
                : [],
            Consent = dto.Consent is { } consent
                ? new Consent
                {
                    UnsubscribedFromAll = consent.UnsubscribedFromAll,
                    HardBounced = consent.HardBounced,
                    BounceReason = consent.BounceReason ?? string.Empty,
                    State = consent.State,
                    LawfulBasis = consent.LawfulBasis ?? string.Empty,
                }
                : Consent.Unknown,
            LifecycleStage = dto.LifecycleStage,
            SalesStatus = dto.SalesStatus ?? string.Empty,
            HubSpotMarketable = dto.HubSpotMarketable,
            SourceModifiedAt = dto.SourceModifiedAt,
            Provenance = dto.Provenance is { Count: > 0 } provenance
                ? provenance.ToDictionary(p => p.Key, p => new PropertyProvenance(p.Value.Source, p.Value.ChangedAt), StringComparer.Ordinal)
                : EmptyProvenance,
            Extra = dto.Extra is { Count: > 0 } extra ? extra.ToDictionary(StringComparer.Ordinal) : EmptyTexts,
        };
    }

    private static SourceRefDto ToDto(SourceRef source) => new() { System = source.System, ObjectType = source.ObjectType, Id = source.Id };

    private static SourceRef FromDto(SourceRefDto? source) => source is null ? default : new SourceRef(source.System, source.ObjectType!, source.Id!);

    private static PhoneDto? ToDto(PhoneNumber? phone) => phone is null || phone == PhoneNumber.Empty
        ? null
        : new PhoneDto { Original = Text(phone.Original), E164 = Text(phone.E164), Extension = Text(phone.Extension), IsValid = phone.IsValid };

    private static PhoneNumber FromDto(PhoneDto? phone) => phone is null
        ? PhoneNumber.Empty
        : new PhoneNumber(phone.Original ?? string.Empty, phone.E164 ?? string.Empty, phone.Extension ?? string.Empty, phone.IsValid);

    private static ActivityDto ToDto(Activity activity) => new()
    {
        Type = activity.Type,
        OccurredAt = activity.OccurredAt,
        Detail = Text(activity.Detail),
        Notes = Text(activity.Notes),
        Answers = activity.Answers is { Count: > 0 } answers ? answers : null,
    };

    private static Activity FromDto(ActivityDto activity) => new(activity.Type, activity.OccurredAt, activity.Detail ?? string.Empty)
    {
        Notes = activity.Notes ?? string.Empty,
        Answers = activity.Answers is { Count: > 0 } answers ? answers.ToDictionary(StringComparer.Ordinal) : EmptyTexts,
    };

    /// <summary>Empty text is left out of the JSON (read back as empty).</summary>
    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
