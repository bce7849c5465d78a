using System.Collections.Frozen;
using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Decisions;

/// <summary>
/// The marketing-contact policy for one person: every hard exclusion and every reason to market is evaluated
/// (and traced); exclusions win, then reasons to market, else dormant. The tier budget is applied afterwards
/// over the whole population (<see cref="TierBudget"/>).
/// </summary>
internal sealed class MarketingPolicy
{
    private readonly FrozenSet<string> _consentCountries;
    private readonly string[] _roleParts;
    private readonly string[] _competitorDomains;
    private readonly string[] _internalDomains;
    private readonly long _recentConversionTicks;
    private readonly long _engagedTicks;
    private readonly bool _marketOpenOpportunities;

    public MarketingPolicy(MarketingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _consentCountries = options.EffectiveConsentRequiredCountries.Select(c => c.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _roleParts = [.. options.EffectiveRoleAddressLocalParts.Select(p => p.Trim())];
        _competitorDomains = [.. options.EffectiveCompetitorDomains.Select(NormalizeDomain)];
        _internalDomains = [.. options.EffectiveInternalDomains.Select(NormalizeDomain)];
        _recentConversionTicks = TimeSpan.FromDays(options.RecentConversionDays).Ticks;
        _engagedTicks = TimeSpan.FromDays(options.EngagedWithinDays).Ticks;
        _marketOpenOpportunities = options.MarketOpenOpportunities;
    }

    public MarketingReasons Evaluate(CanonicalContact contact, in ScoreCard card, DateTimeOffset asOf, DecisionTrace? trace)
    {
        var reasons = MarketingReasons.None;
        var email = contact.Email;
        var noEmail = email.IsEmpty;
        var invalid = !noEmail && !email.IsValid;
        var usable = !noEmail && email.IsValid;
        var normalized = email.Normalized.AsSpan();
        var at = usable ? normalized.LastIndexOf('@') : -1;
        var domain = at >= 0 ? normalized[(at + 1)..] : [];
        var localPart = at >= 0 ? normalized[..at] : [];
        var consent = contact.Consent;

        if (noEmail)
        {
            reasons |= MarketingReasons.NoEmail;
        }

        if (invalid)
        {
            reasons |= MarketingReasons.InvalidEmail;
        }

        var hardBounce = consent.HardBounced == true;
        if (hardBounce)
        {
            reasons |= MarketingReasons.HardBounce;
        }

        var unsubscribed = consent.UnsubscribedFromAll == true;
        if (unsubscribed)
        {
            reasons |= MarketingReasons.Unsubscribed;
        }

        var consentRequired = contact.CountryCode.Length > 0 && _consentCountries.Contains(contact.CountryCode);
        var noConsent = consentRequired && consent.State != ConsentState.Granted;
        if (noConsent)
        {
            reasons |= MarketingReasons.NoConsent;
        }

        var role = usable && IsRoleAddress(localPart);
        if (role)
        {
            reasons |= MarketingReasons.RoleAddress;
        }

        var competitor = usable && MatchesDomain(domain, _competitorDomains);
        if (competitor)
        {
            reasons |= MarketingReasons.CompetitorDomain;
        }

        var isInternal = usable && MatchesDomain(domain, _internalDomains);
        if (isInternal)
        {
            reasons |= MarketingReasons.InternalDomain;
        }

        var asOfTicks = asOf.UtcTicks;
        var recentConversion = card.LastConversionAt is { } conv && asOfTicks - conv.UtcTicks <= _recentConversionTicks;
        var engaged = card.LastEngagementAt is { } eng && asOfTicks - eng.UtcTicks <= _engagedTicks;
        var openDeal = false;
        if (_marketOpenOpportunities)
        {
            var deals = contact.Deals;
            for (var i = 0; i < deals.Count && !openDeal; i++)
            {
                openDeal = deals[i].Outcome == DealOutcome.Open;
            }
        }

        var toMarket = MarketingReasons.None;
        if (card.Hot)
        {
            toMarket |= MarketingReasons.Hot;
        }

        if (recentConversion)
        {
            toMarket |= MarketingReasons.RecentConversion;
        }

        if (engaged)
        {
            toMarket |= MarketingReasons.Engaged;
        }

        if (openDeal)
        {
            toMarket |= MarketingReasons.OpenOpportunity;
        }

        if (trace is not null)
        {
            trace.Add("marketing.no_email", noEmail, ("email", email.Original));
            trace.Add("marketing.invalid_email", invalid, ("email", email.Original), ("normalized", email.Normalized), ("is_valid", DecisionTrace.Flag(email.IsValid)));
            trace.Add("marketing.hard_bounce", hardBounce, ("hard_bounced", DecisionTrace.Flag(consent.HardBounced)), ("bounce_reason", consent.BounceReason));
            trace.Add("marketing.unsubscribed", unsubscribed, ("unsubscribed_from_all", DecisionTrace.Flag(consent.UnsubscribedFromAll)));
            trace.Add("marketing.no_consent", noConsent, ("country", contact.CountryCode), ("consent_required", DecisionTrace.Flag(consentRequired)), ("consent", consent.State.ToString().ToUpperInvariant()));
            trace.Add("marketing.role_address", role, ("local_part", localPart.ToString()));
            trace.Add("marketing.competitor_domain", competitor, ("domain", domain.ToString()), ("competitor_domains", string.Join('|', _competitorDomains)));
            trace.Add("marketing.internal_domain", isInternal, ("domain", domain.ToString()), ("internal_domains", string.Join('|', _internalDomains)));
            trace.Add("marketing.hot", card.Hot, ("hot", DecisionTrace.Flag(card.Hot)), ("score", DecisionTrace.Num(card.Score)));
            trace.Add("marketing.recent_conversion", recentConversion, ("last_conversion_at", DecisionTrace.Time(card.LastConversionAt)), ("within_days", DecisionTrace.Num(_recentConversionTicks / TimeSpan.TicksPerDay)));
            trace.Add("marketing.engaged", engaged, ("last_engagement_at", DecisionTrace.Time(card.LastEngagementAt)), ("within_days", DecisionTrace.Num(_engagedTicks / TimeSpan.TicksPerDay)));
            trace.Add("marketing.open_opportunity", openDeal, ("enabled", DecisionTrace.Flag(_marketOpenOpportunities)), ("deals", DecisionTrace.Num(contact.Deals.Count)));
        }

        if (reasons != MarketingReasons.None)
        {
            trace?.Add("marketing.decision", true, ("result", "non_marketing"), ("by", "exclusion"));
            return reasons;
        }

        if (toMarket != MarketingReasons.None)
        {
            trace?.Add("marketing.decision", true, ("result", "marketing"), ("by", "reason_to_market"));
            return toMarket;
        }

        trace?.Add("marketing.dormant", true, ("result", "non_marketing"));
        return MarketingReasons.Dormant;
    }

    private bool IsRoleAddress(ReadOnlySpan<char> localPart)
    {
        var local = localPart;
        var plus = local.IndexOf('+');
        if (plus >= 0)
        {
            local = local[..plus];
        }

        foreach (var role in _roleParts)
        {
            if (local.Length >= role.Length && local.StartsWith(role, StringComparison.OrdinalIgnoreCase)
                && (local.Length == role.Length || local[role.Length] is '-' or '_' or '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesDomain(ReadOnlySpan<char> domain, string[] domains)
    {
        foreach (var d in domains)
        {
            if (domain.Equals(d, StringComparison.OrdinalIgnoreCase)
                || (domain.Length > d.Length + 1 && domain.EndsWith(d, StringComparison.OrdinalIgnoreCase) && domain[domain.Length - d.Length - 1] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static string NormalizeDomain(string domain) => domain.Trim().TrimStart('@').TrimEnd('.');
}
