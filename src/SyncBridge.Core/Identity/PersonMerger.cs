using SyncBridge.Core.Contacts;

namespace SyncBridge.Core.Identity;

/// <summary>
/// Merges the canonical contacts of one person into one, property by property, under a <see cref="MergePolicy"/>.
/// Pure and deterministic; safe to share across threads.
/// </summary>
/// <remarks>
/// <para>The first record is the <em>primary</em>: the merged contact keeps its <see cref="CanonicalContact.Source"/>,
/// and its value of every <see cref="MergeRuleKind.DontSync"/> property. A value's time is
/// <c>Provenance[property].ChangedAt</c>, else the record's <see cref="CanonicalContact.SourceModifiedAt"/>; a value with
/// no time is older than any timed one; ties go to the earlier record in the list.</para>
/// <para>Fixed rules: lifecycle stage is the furthest in forward order (Other only when no record has an ordered
/// stage); unsubscribed and hard bounced are true when any record says true (false when any says false, else unknown);
/// consent state Denied beats Granted beats Unknown. Identities, social profiles and activities are unioned without
/// duplicates; deals are unioned by id (the most recently modified record's copy wins). Different non-blank values of a
/// property (except DontSync ones) are reported as a <see cref="MergeConflict"/>.</para>
/// </remarks>
public sealed class PersonMerger(MergePolicy policy)
{
    public const string FurthestStageRule = "FurthestStage";
    public const string TrueWinsRule = "TrueWins";
    public const string StrictestConsentRule = "StrictestConsent";

    public MergePolicy Policy { get; } = policy ?? throw new ArgumentNullException(nameof(policy));

    /// <summary>Merges <paramref name="records"/> (primary first) into one contact for <paramref name="personId"/>.</summary>
    public MergeResult Merge(string personId, IReadOnlyList<CanonicalContact> records)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new ArgumentException("At least one record is needed.", nameof(records));
        }

        var primary = records[0];
        if (records.Count == 1)
        {
            return new MergeResult(primary, []);
        }

        var merged = primary;
        var conflicts = new List<MergeConflict>();
        var provenance = new Dictionary<string, PropertyProvenance>(primary.Provenance, StringComparer.Ordinal);

        foreach (var property in MergeProperty.Configurable)
        {
            var rule = Policy.RuleFor(property.Name);
            var winner = Choose(records, property, rule);
            merged = property.Copy(merged, records[winner]);
            SetProvenance(provenance, property.Name, records[winner]);
            if (rule.Kind != MergeRuleKind.DontSync)
            {
                AddConflict(conflicts, personId, property.Name, records, property.Read, property.Read(records[winner]), rule.ToString());
            }
        }

        merged = MergeLifecycle(merged, records, personId, conflicts, provenance);
        merged = MergeConsent(merged, records, personId, conflicts, provenance);
        merged = MergeCollections(merged, records);
        return new MergeResult(merged with { Provenance = provenance }, conflicts);
    }

    private static int Choose(IReadOnlyList<CanonicalContact> records, MergeProperty property, MergeRule rule)
    {
        switch (rule.Kind)
        {
            case MergeRuleKind.DontSync:
                return 0;

            case MergeRuleKind.PreferSource:
                var preferred = MostRecent(records, property.Name, i => records[i].Source.System == rule.Source && !IsBlank(property, records[i]));
                return preferred >= 0 ? preferred : MostRecentNonBlank(records, property);

            case MergeRuleKind.SourceOfTruth:
                var truth = MostRecent(records, property.Name, i => records[i].Source.System == rule.Source);
                return truth >= 0 ? truth : MostRecentNonBlank(records, property);

            default:
                return MostRecentNonBlank(records, property);
        }
    }

    private static int MostRecentNonBlank(IReadOnlyList<CanonicalContact> records, MergeProperty property)
    {
        var index = MostRecent(records, property.Name, i => !IsBlank(property, records[i]));
        return index >= 0 ? index : 0;
    }

    /// <summary>The index of the most recent record that passes <paramref name="filter"/>, or -1.</summary>
    private static int MostRecent(IReadOnlyList<CanonicalContact> records, string property, Func<int, bool> filter)
    {
        var best = -1;
        DateTimeOffset? bestAt = null;
        for (var i = 0; i < records.Count; i++)
        {
            if (!filter(i))
            {
                continue;
            }

            var at = ChangedAt(records[i], property);
            if (best < 0 || (at is { } time && (bestAt is null || time > bestAt.Value)))
            {
                best = i;
                bestAt = at;
            }
        }

        return best;
    }

    private static bool IsBlank(MergeProperty property, CanonicalContact record) =>
        string.IsNullOrWhiteSpace(property.Read(record));

    private static DateTimeOffset? ChangedAt(CanonicalContact record, string property) =>
        record.Provenance.TryGetValue(property, out var p) && p.ChangedAt is { } at ? at : record.SourceModifiedAt;

    private static void SetProvenance(Dictionary<string, PropertyProvenance> provenance, string property, CanonicalContact winner) =>
        provenance[property] = winner.Provenance.TryGetValue(property, out var p)
            ? p
            : new PropertyProvenance(winner.Source.System, winner.SourceModifiedAt);

    private static void AddConflict(
        List<MergeConflict> conflicts,
        string personId,
        string property,
        IReadOnlyList<CanonicalContact> records,
        Func<CanonicalContact, string> read,
        string chosen,
        string rule)
    {
        var candidates = new List<MergeCandidate>();
        string? first = null;
        var differs = false;
        foreach (var record in records)
        {
            var value = read(record);
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            first ??= value;
            differs |= !string.Equals(first, value, StringComparison.Ordinal);
            candidates.Add(new MergeCandidate(value, record.Source, ChangedAt(record, property)));
        }

        if (differs)
        {
            conflicts.Add(new MergeConflict(personId, property, candidates, chosen, rule));
        }
    }

    private static CanonicalContact MergeLifecycle(
        CanonicalContact merged,
        IReadOnlyList<CanonicalContact> records,
        string personId,
        List<MergeConflict> conflicts,
        Dictionary<string, PropertyProvenance> provenance)
    {
        var winner = -1;
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].LifecycleStage is not { } stage)
            {
                continue;
            }

            var current = winner < 0 ? null : records[winner].LifecycleStage;
            if (winner < 0 || Rank(stage) > Rank(current!.Value))
            {
                winner = i;
            }
        }

        static int Rank(LifecycleStage stage) => stage.IsOrdered() ? (int)stage : 0;

        if (winner < 0)
        {
            return merged with { LifecycleStage = null };
        }

        SetProvenance(provenance, ContactProperties.LifecycleStage, records[winner]);
        var chosen = records[winner].LifecycleStage!.Value;
        AddConflict(conflicts, personId, ContactProperties.LifecycleStage, records, c => c.LifecycleStage?.ToWireName() ?? string.Empty, chosen.ToWireName(), FurthestStageRule);
        return merged with { LifecycleStage = chosen };
    }

    private static CanonicalContact MergeConsent(
        CanonicalContact merged,
        IReadOnlyList<CanonicalContact> records,
        string personId,
        List<MergeConflict> conflicts,
        Dictionary<string, PropertyProvenance> provenance)
    {
        var unsubscribed = TrueWins(records, c => c.Consent.UnsubscribedFromAll, ContactProperties.UnsubscribedFromAll, provenance);
        var bounced = TrueWins(records, c => c.Consent.HardBounced, ContactProperties.HardBounced, provenance);
        AddConflict(conflicts, personId, ContactProperties.UnsubscribedFromAll, records, c => Text(c.Consent.UnsubscribedFromAll), Text(unsubscribed), TrueWinsRule);
        AddConflict(conflicts, personId, ContactProperties.HardBounced, records, c => Text(c.Consent.HardBounced), Text(bounced), TrueWinsRule);

        var stateWinner = 0;
        for (var i = 1; i < records.Count; i++)
        {
            if (Strictness(records[i].Consent.State) > Strictness(records[stateWinner].Consent.State))
            {
                stateWinner = i;
            }
        }

        var state = records[stateWinner].Consent.State;
        if (state != ConsentState.Unknown)
        {
            SetProvenance(provenance, ContactProperties.ConsentState, records[stateWinner]);
        }

        AddConflict(conflicts, personId, ContactProperties.ConsentState, records, c => StateText(c.Consent.State), StateText(state), StrictestConsentRule);

        var bounceReason = MostRecentText(records, ContactProperties.HardBounced, c => c.Consent.HardBounced == true ? c.Consent.BounceReason : string.Empty);
        if (bounceReason.Length == 0)
        {
            bounceReason = MostRecentText(records, ContactProperties.HardBounced, c => c.Consent.BounceReason);
        }

        return merged with
        {
            Consent = new Consent
            {
                UnsubscribedFromAll = unsubscribed,
                HardBounced = bounced,
                BounceReason = bounceReason,
                State = state,
                LawfulBasis = MostRecentText(records, ContactProperties.ConsentState, c => c.Consent.LawfulBasis),
            },
        };

        static int Strictness(ConsentState s) => s switch
        {
            ConsentState.Denied => 2,
            ConsentState.Granted => 1,
            _ => 0,
        };

        static string Text(bool? value) => value switch
        {
            true => "true",
            false => "false",
            _ => string.Empty,
        };

        static string StateText(ConsentState s) => s == ConsentState.Unknown ? string.Empty : s.ToString().ToLowerInvariant();
    }

    private static bool? TrueWins(
        IReadOnlyList<CanonicalContact> records,
        Func<CanonicalContact, bool?> read,
        string property,
        Dictionary<string, PropertyProvenance> provenance)
    {
        var winner = -1;
        for (var i = 0; i < records.Count; i++)
        {
            var value = read(records[i]);
            if (value == true)
            {
                winner = i;
                break;
            }

            if (value == false && winner < 0)
            {
                winner = i;
            }
        }

        if (winner < 0)
        {
            return null;
        }

        SetProvenance(provenance, property, records[winner]);
        return read(records[winner]);
    }

    private static string MostRecentText(IReadOnlyList<CanonicalContact> records, string property, Func<CanonicalContact, string> read)
    {
        var index = MostRecent(records, property, i => !string.IsNullOrWhiteSpace(read(records[i])));
        return index < 0 ? string.Empty : read(records[index]);
    }

    private static CanonicalContact MergeCollections(CanonicalContact merged, IReadOnlyList<CanonicalContact> records)
    {
        var identities = new List<SourceRef>();
        var socialProfiles = new List<string>();
        var seenProfiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var activities = new List<Activity>();
        var seenActivities = new HashSet<(ActivityType, DateTimeOffset, string, string)>();
        foreach (var record in records)
        {
            AddIdentity(identities, record.Source);
            foreach (var identity in record.Identities)
            {
                AddIdentity(identities, identity);
            }

            foreach (var profile in record.SocialProfiles)
            {
                if (!string.IsNullOrWhiteSpace(profile) && seenProfiles.Add(profile.Trim()))
                {
                    socialProfiles.Add(profile.Trim());
                }
            }

            foreach (var activity in record.Activities)
            {
                if (seenActivities.Add((activity.Type, activity.OccurredAt, activity.Detail, activity.Notes)))
                {
                    activities.Add(activity);
                }
            }
        }

        // Most recently modified record first: its copy of a deal and of an extra field wins.
        var byRecency = records.Select((record, index) => (record, index))
            .OrderByDescending(x => x.record.SourceModifiedAt ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.index)
            .Select(x => x.record)
            .ToList();

        var deals = new List<Deal>();
        var seenDeals = new HashSet<string>(StringComparer.Ordinal);
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in byRecency)
        {
            foreach (var deal in record.Deals)
            {
                if (seenDeals.Add(deal.Id))
                {
                    deals.Add(deal);
                }
            }

            foreach (var (name, value) in record.Extra)
            {
                extra.TryAdd(name, value);
            }
        }

        return merged with
        {
            Identities = identities,
            SocialProfiles = socialProfiles,
            Activities = activities,
            Deals = deals,
            Extra = extra,
            Acquisition = EarliestAcquisition(records),
            LastVisitAt = records.Max(r => r.LastVisitAt),
            SourceModifiedAt = records.Max(r => r.SourceModifiedAt),
            SalesStatus = MostRecentText(records, "sales_status", c => c.SalesStatus),
            HubSpotMarketable = records.FirstOrDefault(r => r.Source.System == SourceSystem.HubSpot && r.HubSpotMarketable is not null)?.HubSpotMarketable
                ?? records.FirstOrDefault(r => r.HubSpotMarketable is not null)?.HubSpotMarketable,
            Company = merged.Company with
            {
                FiscalYearEndMonth = byRecency.FirstOrDefault(r => r.Company.FiscalYearEndMonth is not null)?.Company.FiscalYearEndMonth,
                HasAccount = records.Any(r => r.Company.HasAccount == true) ? true
                    : records.Any(r => r.Company.HasAccount == false) ? false : null,
            },
        };
    }

    private static void AddIdentity(List<SourceRef> identities, SourceRef source)
    {
        if (!string.IsNullOrWhiteSpace(source.Id) && !identities.Contains(source))
        {
            identities.Add(source);
        }
    }

    private static Acquisition EarliestAcquisition(IReadOnlyList<CanonicalContact> records)
    {
        Acquisition? earliest = null;
        foreach (var record in records)
        {
            if (record.Acquisition.FirstTouchAt is { } at && (earliest?.FirstTouchAt is null || at < earliest.FirstTouchAt.Value))
            {
                earliest = record.Acquisition;
            }
        }

        return earliest
            ?? records.FirstOrDefault(r => r.Acquisition.Channel != AcquisitionChannel.Unknown)?.Acquisition
            ?? records[0].Acquisition;
    }
}
