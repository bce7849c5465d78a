using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Tests.Identity;

/// <summary>Builds normalized contacts directly (the normalizer is not under test here).</summary>
internal static class ContactBuilder
{
    public static EmailAddress Email(string normalized, string? matchKey = null, bool valid = true) =>
        new(normalized, normalized, valid, valid ? matchKey ?? normalized : string.Empty);

    public static PhoneNumber Phone(string e164, bool valid = true) =>
        new(e164, valid ? e164 : string.Empty, string.Empty, valid);

    public static CanonicalContact Contact(
        string? email = null,
        string? matchKey = null,
        string? phone = null,
        string? mobile = null,
        string family = "",
        string given = "",
        SourceRef source = default,
        bool emailValid = true) => new()
        {
            Source = source,
            Email = email is null ? EmailAddress.Empty : Email(email, matchKey, emailValid),
            Phone = phone is null ? PhoneNumber.Empty : Phone(phone),
            Mobile = mobile is null ? PhoneNumber.Empty : Phone(mobile),
            FamilyName = family,
            GivenName = given,
        };

    public static SourceRef Hs(string id) => new(SourceSystem.HubSpot, "contact", id);

    public static SourceRef Sf(string id) => new(SourceSystem.Salesforce, "Lead", id);
}
