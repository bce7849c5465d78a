using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Normalization;

/// <summary>
/// Turns a raw source record into a canonical contact. Pure and deterministic; safe to share across threads.
/// Applies the rules of the normalize contract: email, phone and mobile, names, company (display name, key,
/// domain), country, title, seniority and department.
/// </summary>
public sealed class ContactNormalizer
{
    private const int StackLimit = 256;

    private readonly EmailNormalizer _email;
    private readonly PhoneNormalizer _phone;
    private readonly CompanyDomainResolver _companyDomain;

    public ContactNormalizer(NormalizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _email = new EmailNormalizer(options.DotInsensitiveDomains ?? []);
        _phone = new PhoneNormalizer(options.DefaultRegion);
        _companyDomain = new CompanyDomainResolver(options.FreeMailDomains ?? []);
    }

    public NormalizationOptions Options { get; }

    public CanonicalContact Normalize(RawContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Build(record, withPhones: true);
    }

    /// <summary>Everything but the two phone numbers (which stay <see cref="PhoneNumber.Empty"/>).</summary>
    internal CanonicalContact NormalizeWithoutPhones(RawContactRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Build(record, withPhones: false);
    }

    private CanonicalContact Build(RawContactRecord record, bool withPhones)
    {
        var source = new SourceRef(record.System, record.ObjectType, record.SourceId);
        var email = _email.Normalize(record.Email);
        var name = PersonNameNormalizer.Normalize(record.FirstName, record.LastName, record.FullName);
        var title = NormalizedText.Clean(record.Title);
        var departmentText = NormalizedText.Clean(record.Department);
        var countryCode = CountryNormalizer.ToAlpha2(record.Country);

        Span<char> titleBuffer = title.Length <= StackLimit ? stackalloc char[title.Length] : new char[title.Length];
        var loweredTitle = titleBuffer[..NormalizedText.LowerInvariant(title, titleBuffer)];
        Span<char> departmentBuffer = departmentText.Length <= StackLimit ? stackalloc char[departmentText.Length] : new char[departmentText.Length];
        var loweredDepartment = departmentBuffer[..NormalizedText.LowerInvariant(departmentText, departmentBuffer)];

        return new CanonicalContact
        {
            Source = source,
            Identities = string.IsNullOrWhiteSpace(record.SourceId) ? [] : [source],
            FamilyName = name.Family,
            GivenName = name.Given,
            Email = email,
            Phone = withPhones ? _phone.Normalize(record.Phone, countryCode) : PhoneNumber.Empty,
            Mobile = withPhones ? _phone.Normalize(record.Mobile, countryCode) : PhoneNumber.Empty,
            Title = title,
            Seniority = SeniorityClassifier.ClassifyLowered(loweredTitle),
            DepartmentText = departmentText,
            Department = DepartmentClassifier.ClassifyLowered(loweredDepartment, loweredTitle),
            CountryCode = countryCode,
            Company = new Company
            {
                Name = CompanyNormalizer.DisplayName(record.Company),
                Key = CompanyNormalizer.Key(record.Company),
                Domain = _companyDomain.Resolve(record.Website, email),
            },
        };
    }
}
