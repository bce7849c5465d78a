using System.ComponentModel.DataAnnotations;

namespace SyncBridge.Core.Normalization;

/// <summary>Settings of section <c>SyncBridge:Normalization</c>.</summary>
public sealed class NormalizationOptions
{
    public const string SectionName = "SyncBridge:Normalization";

    /// <summary>ISO 3166-1 alpha-2 region used to parse phone numbers when the contact has no country.</summary>
    [Required]
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "DefaultRegion must be a two-letter ISO 3166-1 code in upper case, e.g. JP.")]
    public string DefaultRegion { get; set; } = "JP";

    /// <summary>
    /// Email domains that say nothing about the company (free mail, mobile carriers). Added to the built-in list.
    /// </summary>
    public List<string> FreeMailDomains { get; set; } = [];

    /// <summary>Domains whose local-part dots are not significant (dots dropped in the match key).</summary>
    public List<string> DotInsensitiveDomains { get; set; } = ["gmail.com", "googlemail.com"];
}
