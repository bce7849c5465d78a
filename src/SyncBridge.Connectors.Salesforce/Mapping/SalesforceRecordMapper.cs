using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Configuration;
using SyncBridge.Core.Contacts;
using SyncBridge.Core.Normalization;
using SyncBridge.Core.Sync;

namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>
/// Maps a Lead or Contact query record to the canonical contact: the person fields through the shared
/// normalizer, then the Salesforce-only parts (consent, sales status, deals, company size and industry, the
/// converted Contact of a converted Lead, modification time, provenance, custom fields).
/// </summary>
internal sealed partial class SalesforceRecordMapper
{
    public const string SourceName = "salesforce";

    private static readonly HashSet<string> KnownKeys = new(StringComparer.Ordinal)
    {
        SalesforceFieldKeys.FirstName, SalesforceFieldKeys.LastName, SalesforceFieldKeys.Email, SalesforceFieldKeys.Phone,
        SalesforceFieldKeys.Mobile, SalesforceFieldKeys.Company, SalesforceFieldKeys.Website, SalesforceFieldKeys.Title,
        SalesforceFieldKeys.Department, SalesforceFieldKeys.Country, SalesforceFieldKeys.Status, SalesforceFieldKeys.Industry,
        SalesforceFieldKeys.EmployeeCount, SalesforceFieldKeys.OptedOut, SalesforceFieldKeys.Bounced,
        SalesforceFieldKeys.BounceReason, SalesforceFieldKeys.BounceDate,
    };

    private readonly ContactNormalizer _normalizer;
    private readonly SalesforceOptions _options;
    private readonly HashSet<string> _qualifiedStatuses;

    public SalesforceRecordMapper(ContactNormalizer normalizer, IOptions<SalesforceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(normalizer);
        ArgumentNullException.ThrowIfNull(options);
        _normalizer = normalizer;
        _options = options.Value;
        LeadMap = SalesforceFieldMap.ForLead(_options);
        ContactMap = SalesforceFieldMap.ForContact(_options);
        _qualifiedStatuses = new HashSet<string>(
            _options.QualifiedLeadStatuses.Count > 0 ? _options.QualifiedLeadStatuses : ["Qualified"],
            StringComparer.OrdinalIgnoreCase);
    }

    public SalesforceFieldMap LeadMap { get; }

    public SalesforceFieldMap ContactMap { get; }

    public SalesforceFieldMap MapFor(string sObject) => sObject == SalesforceObjectTypes.Lead ? LeadMap : ContactMap;

    /// <summary>The fields to SELECT for <paramref name="sObject"/>: the fixed ones, then every mapped field once.</summary>
    public IReadOnlyList<string> SelectFields(string sObject)
    {
        var fields = new List<string> { "Id", "SystemModstamp" };
        if (sObject == SalesforceObjectTypes.Lead)
        {
            fields.AddRange(["IsConverted", "ConvertedContactId", "ConvertedAccountId"]);
        }
        else
        {
            fields.Add("AccountId");
        }

        foreach (var field in MapFor(sObject).Fields.Values)
        {
            if (!fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                fields.Add(field);
            }
        }

        return fields;
    }

    /// <summary>The child subquery of a Contact's opportunities, or null when opportunities are not read.</summary>
    public string? OpportunitySubquery(string sObject) =>
        sObject == SalesforceObjectTypes.Contact && _options.IncludeOpportunities
            ? "(SELECT Opportunity.Id, Opportunity.Name, Opportunity.StageName, Opportunity.IsClosed, Opportunity.IsWon, Opportunity.Amount, Opportunity.CloseDate FROM OpportunityContactRoles)"
            : null;

    public SalesforceMappedRecord Map(string sObject, string sourceName, JsonElement record)
    {
        var reader = new SalesforceRecordReader(record);
        string id;
        try
        {
            id = reader.Text("Id");
        }
        catch (FormatException)
        {
            id = string.Empty;
        }

        if (!IsRecordId(id))
        {
            return new SalesforceMappedRecord(string.Empty, null, null, new RecordError(sourceName, sObject + " record", "the record has no valid Id"));
        }

        DateTimeOffset? modstamp;
        try
        {
            modstamp = reader.DateTime("SystemModstamp");
        }
        catch (FormatException)
        {
            modstamp = null;
        }

        if (modstamp is null)
        {
            return new SalesforceMappedRecord(id, null, null, new RecordError(sourceName, $"{sObject} {id}", "SystemModstamp is missing or not a date-time"));
        }

        try
        {
            var contact = MapRecord(sObject, id, modstamp.Value, reader);
            return new SalesforceMappedRecord(id, modstamp, contact, null);
        }
        catch (FormatException ex)
        {
            return new SalesforceMappedRecord(id, modstamp, null, new RecordError(sourceName, $"{sObject} {id}", ex.Message));
        }
    }

    /// <summary>True for a 15- or 18-character Salesforce record id.</summary>
    public static bool IsRecordId(string? id) => id is not null && RecordIdPattern().IsMatch(id);

    private CanonicalContact MapRecord(string sObject, string id, DateTimeOffset modstamp, SalesforceRecordReader reader)
    {
        var map = MapFor(sObject);
        string Text(string key) => reader.Text(map.FieldOf(key)).Trim();

        var raw = new RawContactRecord
        {
            System = SourceSystem.Salesforce,
            SourceName = SourceName,
            SourceId = id,
            ObjectType = sObject,
            FirstName = Text(SalesforceFieldKeys.FirstName),
            LastName = Text(SalesforceFieldKeys.LastName),
            Email = Text(SalesforceFieldKeys.Email),
            Phone = Text(SalesforceFieldKeys.Phone),
            Mobile = Text(SalesforceFieldKeys.Mobile),
            Company = Text(SalesforceFieldKeys.Company),
            Website = Text(SalesforceFieldKeys.Website),
            Title = Text(SalesforceFieldKeys.Title),
            Department = Text(SalesforceFieldKeys.Department),
            Country = Text(SalesforceFieldKeys.Country),
        };

        var self = new SourceRef(SourceSystem.Salesforce, sObject, id);
        var identities = new List<SourceRef> { self };
        bool? hasAccount = null;
        if (sObject == SalesforceObjectTypes.Lead)
        {
            var convertedContactId = reader.Text("ConvertedContactId");
            if (reader.Boolean("IsConverted") == true && IsRecordId(convertedContactId))
            {
                identities.Add(new SourceRef(SourceSystem.Salesforce, SalesforceObjectTypes.Contact, convertedContactId));
            }

            if (IsRecordId(reader.Text("ConvertedAccountId")))
            {
                hasAccount = true;
            }
        }
        else
        {
            hasAccount = IsRecordId(reader.Text("AccountId"));
        }

        var bounceReason = Text(SalesforceFieldKeys.BounceReason);
        var bounceDate = reader.DateTime(map.FieldOf(SalesforceFieldKeys.BounceDate));
        var hardBounced = reader.Boolean(map.FieldOf(SalesforceFieldKeys.Bounced));
        if (hardBounced is null && (map.FieldOf(SalesforceFieldKeys.BounceReason) is not null || map.FieldOf(SalesforceFieldKeys.BounceDate) is not null))
        {
            hardBounced = bounceReason.Length > 0 || bounceDate is not null;
        }

        var optedOut = reader.Boolean(map.FieldOf(SalesforceFieldKeys.OptedOut));
        var status = Text(SalesforceFieldKeys.Status);
        var deals = ReadDeals(reader);
        var industry = Text(SalesforceFieldKeys.Industry);
        var employees = reader.Integer(map.FieldOf(SalesforceFieldKeys.EmployeeCount));

        var normalized = _normalizer.Normalize(raw);
        var extra = new Dictionary<string, string>(normalized.Extra, StringComparer.Ordinal);
        foreach (var (key, field) in map.Fields)
        {
            if (!KnownKeys.Contains(key))
            {
                var value = reader.Text(field).Trim();
                if (value.Length > 0)
                {
                    extra[key] = value;
                }
            }
        }

        var company = normalized.Company with
        {
            Industry = industry.Length > 0 ? industry : normalized.Company.Industry,
            EmployeeCount = employees ?? normalized.Company.EmployeeCount,
            HasAccount = hasAccount ?? normalized.Company.HasAccount,
        };

        var contact = normalized with
        {
            Source = self,
            Identities = identities,
            Company = company,
            Consent = normalized.Consent with
            {
                UnsubscribedFromAll = optedOut,
                HardBounced = hardBounced,
                BounceReason = bounceReason,
            },
            SalesStatus = status,
            Deals = deals,
            LifecycleStage = StageOf(sObject, status, deals) ?? normalized.LifecycleStage,
            Acquisition = normalized.Acquisition == Acquisition.Unknown
                ? SalesforceLeadSources.ToAcquisition(Text(SalesforceFieldKeys.LeadSource))
                : normalized.Acquisition,
            SourceModifiedAt = modstamp,
            Extra = extra,
        };

        return contact with { Provenance = ProvenanceOf(contact, modstamp) };
    }

    private LifecycleStage? StageOf(string sObject, string status, IReadOnlyList<Deal> deals)
    {
        if (deals.Any(d => d.Outcome == DealOutcome.Won))
        {
            return LifecycleStage.Customer;
        }

        if (deals.Any(d => d.Outcome == DealOutcome.Open))
        {
            return LifecycleStage.Opportunity;
        }

        if (sObject == SalesforceObjectTypes.Lead)
        {
            return _qualifiedStatuses.Contains(status) ? LifecycleStage.SalesQualifiedLead : LifecycleStage.Lead;
        }

        return null;
    }

    private static List<Deal> ReadDeals(SalesforceRecordReader reader)
    {
        var deals = new List<Deal>();
        if (!reader.TryGet("OpportunityContactRoles", out var roles)
            || roles.ValueKind != JsonValueKind.Object
            || !roles.TryGetProperty("records", out var records)
            || records.ValueKind != JsonValueKind.Array)
        {
            return deals;
        }

        foreach (var role in records.EnumerateArray())
        {
            var opportunity = new SalesforceRecordReader(role);
            var id = opportunity.Text("Opportunity.Id");
            if (id.Length == 0)
            {
                continue;
            }

            var outcome = opportunity.Boolean("Opportunity.IsClosed") == true
                ? (opportunity.Boolean("Opportunity.IsWon") == true ? DealOutcome.Won : DealOutcome.Lost)
                : DealOutcome.Open;
            deals.Add(new Deal(id, opportunity.Text("Opportunity.StageName"), outcome)
            {
                Name = opportunity.Text("Opportunity.Name"),
                Amount = opportunity.Decimal("Opportunity.Amount"),
                ClosedAt = outcome == DealOutcome.Open ? null : opportunity.DateTime("Opportunity.CloseDate"),
            });
        }

        return deals;
    }

    private static Dictionary<string, PropertyProvenance> ProvenanceOf(CanonicalContact contact, DateTimeOffset modstamp)
    {
        var provenance = new Dictionary<string, PropertyProvenance>(StringComparer.Ordinal);
        void Add(string property, bool present)
        {
            if (present)
            {
                provenance[property] = new PropertyProvenance(SourceSystem.Salesforce, modstamp);
            }
        }

        Add(ContactProperties.FamilyName, contact.FamilyName.Length > 0);
        Add(ContactProperties.GivenName, contact.GivenName.Length > 0);
        Add(ContactProperties.Email, !contact.Email.IsEmpty);
        Add(ContactProperties.Phone, !contact.Phone.IsEmpty);
        Add(ContactProperties.Mobile, !contact.Mobile.IsEmpty);
        Add(ContactProperties.Title, contact.Title.Length > 0);
        Add(ContactProperties.Department, contact.DepartmentText.Length > 0);
        Add(ContactProperties.Country, contact.CountryCode.Length > 0);
        Add(ContactProperties.CompanyName, contact.Company.Name.Length > 0);
        Add(ContactProperties.CompanyDomain, contact.Company.Domain.Length > 0);
        Add(ContactProperties.Industry, contact.Company.Industry.Length > 0);
        Add(ContactProperties.EmployeeCount, contact.Company.EmployeeCount is not null);
        Add(ContactProperties.LifecycleStage, contact.LifecycleStage is not null);
        Add(ContactProperties.UnsubscribedFromAll, contact.Consent.UnsubscribedFromAll is not null);
        Add(ContactProperties.HardBounced, contact.Consent.HardBounced is not null);
        return provenance;
    }

    [GeneratedRegex("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$", RegexOptions.CultureInvariant)]
    private static partial Regex RecordIdPattern();
}
