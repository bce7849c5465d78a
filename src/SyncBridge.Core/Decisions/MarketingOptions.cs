using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Decisions;

/// <summary>Settings of section <c>SyncBridge:Decisions:Marketing</c>: the marketing-contact policy.</summary>
public sealed class MarketingOptions
{
    public const string SectionName = "SyncBridge:Decisions:Marketing";

    /// <summary>
    /// ISO country codes where marketing email needs recorded consent (<c>no_consent</c> unless consent is granted).
    /// Unset: the EU/EEA countries, GB and CH. Japan's opt-in law exempts business-card exchange, so JP is not in
    /// the default list; add it when your contacts come mostly from web sign-ups.
    /// </summary>
    public List<string>? ConsentRequiredCountries { get; set; }

    /// <summary>
    /// Local parts of role addresses (<c>role_address</c>), compared ignoring case; a local part also matches with a
    /// suffix after '-', '_' or '.', e.g. <c>sales-jp@</c>. Unset: info, sales, support, noreply, no-reply, admin,
    /// contact, webmaster, postmaster, office, hr, recruit, saiyo, jinji, soumu, toiawase, press, billing, help.
    /// </summary>
    public List<string>? RoleAddressLocalParts { get; set; }

    /// <summary>Competitors' email domains (<c>competitor_domain</c>); subdomains match too.</summary>
    public List<string>? CompetitorDomains { get; set; }

    /// <summary>The company's own email domains (<c>internal_domain</c>); subdomains match too.</summary>
    public List<string>? InternalDomains { get; set; }

    /// <summary><c>recent_conversion</c>: a form, event, demo request or pricing inquiry within this many days.</summary>
    [Range(1, 3650)]
    public int RecentConversionDays { get; set; } = 90;

    /// <summary><c>engaged</c>: any engagement (open, click, page view, conversion) within this many days.</summary>
    [Range(1, 3650)]
    public int EngagedWithinDays { get; set; } = 180;

    /// <summary><c>open_opportunity</c>: keep people on an open deal marketing (nurture during the deal).</summary>
    public bool MarketOpenOpportunities { get; set; } = true;

    /// <summary>Whether the tier budget (<c>over_budget</c>) is applied when candidates exceed the tier limit.</summary>
    public bool EnforceTierBudget { get; set; } = true;

    internal IReadOnlyList<string> EffectiveConsentRequiredCountries => ConsentRequiredCountries ??
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "GB", "CH",
    ];

    internal IReadOnlyList<string> EffectiveRoleAddressLocalParts => RoleAddressLocalParts ??
    [
        "info", "sales", "support", "noreply", "no-reply", "admin", "contact", "webmaster", "postmaster", "office",
        "hr", "recruit", "saiyo", "jinji", "soumu", "toiawase", "press", "billing", "help",
    ];

    internal IReadOnlyList<string> EffectiveCompetitorDomains => CompetitorDomains ?? [];

    internal IReadOnlyList<string> EffectiveInternalDomains => InternalDomains ?? [];
}
