using SyncBridge.Simulators.Seeding;

namespace SyncBridge.Simulators.Salesforce;

/// <summary>
/// Seeds Contacts (people 0..C-1, with Accounts and some Opportunities), open Leads (people C..C+L-1) and converted
/// Leads of the first Contacts, from <see cref="SyntheticPeople"/>: the same humans as the HubSpot simulator,
/// formatted the way a Salesforce org holds them (different email mess, phone formats, company suffixes).
/// </summary>
internal static class SalesforceSeeder
{
    private static readonly string[] LeadStatuses = ["Open - Not Contacted", "Working - Contacted", "Qualified", "Unqualified"];
    private static readonly string[] Ratings = ["Hot", "Warm", "Cold"];
    private static readonly string[] LeadSources = ["Web", "Trade Show", "Seminar - Partner", "Webinar", "Purchased List", "Partner Referral", "Phone Inquiry"];
    private const string OwnerId = "005Sim000000000001";

    public static void Seed(SalesforceSimulatorStore store)
    {
        var options = store.Options;
        var serial = 0;
        DateTimeOffset Stamp() => options.SeedEpoch.AddSeconds(serial++ / Math.Max(1, options.RecordsPerSecond));

        lock (store.Gate)
        {
            var accounts = new Dictionary<string, string>(StringComparer.Ordinal);
            var contactIds = new string[options.ContactCount];
            for (var i = 0; i < options.ContactCount; i++)
            {
                var person = SyntheticPeople.Get(options.Seed, i);
                var companyName = person.Japanese ? "株式会社" + person.Company : person.Company + " Inc.";
                if (!accounts.TryGetValue(companyName, out var accountId))
                {
                    accountId = store.AddLocked(SalesforceSchema.Account, new Dictionary<string, object?>
                    {
                        ["Name"] = companyName,
                        ["Industry"] = person.Industry,
                        ["NumberOfEmployees"] = person.EmployeeCount,
                        ["Website"] = "https://www." + person.CompanyDomain,
                    }, options.SeedEpoch);
                    accounts[companyName] = accountId;
                }

                var contactId = store.AddLocked(SalesforceSchema.Contact, ContactFields(person, accountId), Stamp());
                contactIds[i] = contactId;
                if (i % 7 == 3)
                {
                    var won = i % 21 == 3;
                    var opportunityId = store.AddLocked(SalesforceSchema.Opportunity, new Dictionary<string, object?>
                    {
                        ["Name"] = companyName + " - subscription",
                        ["StageName"] = won ? "Closed Won" : "Proposal/Price Quote",
                        ["IsClosed"] = won,
                        ["IsWon"] = won,
                        ["Amount"] = 1200m + (i % 50 * 100),
                        ["CloseDate"] = "2026-12-15",
                        ["AccountId"] = accountId,
                    }, options.SeedEpoch);
                    store.AddLocked(SalesforceSchema.OpportunityContactRole, new Dictionary<string, object?>
                    {
                        ["ContactId"] = contactId,
                        ["OpportunityId"] = opportunityId,
                        ["Role"] = "Decision Maker",
                    }, options.SeedEpoch);
                }
            }

            for (var i = 0; i < options.LeadCount; i++)
            {
                var person = SyntheticPeople.Get(options.Seed, options.ContactCount + i);
                store.AddLocked(SalesforceSchema.Lead, LeadFields(person), Stamp());
            }

            for (var i = 0; i < Math.Min(options.ConvertedLeadCount, options.ContactCount); i++)
            {
                var person = SyntheticPeople.Get(options.Seed, i);
                var fields = LeadFields(person);
                var contact = store.FindLocked(contactIds[i])!;
                fields["Status"] = "Closed - Converted";
                fields["IsConverted"] = true;
                fields["ConvertedContactId"] = contactIds[i];
                fields["ConvertedAccountId"] = contact.Get("AccountId");
                fields["ConvertedDate"] = options.SeedEpoch;
                store.AddLocked(SalesforceSchema.Lead, fields, Stamp());
            }
        }
    }

    /// <summary>The Lead fields of <paramref name="person"/>.</summary>
    public static Dictionary<string, object?> LeadFields(SyntheticPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var i = person.Index;
        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["FirstName"] = person.GivenName,
            ["LastName"] = person.Japanese || i % 4 != 0 ? person.FamilyName : person.FamilyName.ToUpperInvariant(),
            ["Email"] = SyntheticPeople.MessyEmail(person.Email, i + 1),
            ["Phone"] = LeadPhone(person),
            ["MobilePhone"] = person.Mobile.Length > 0 ? person.Mobile.Replace("-", string.Empty, StringComparison.Ordinal) : null,
            ["Company"] = person.Japanese ? person.Company + "(株)" : person.Company + ", Inc.",
            ["Website"] = person.CompanyDomain,
            ["Title"] = person.Title,
            ["Country"] = person.Country == "JP" ? "Japan" : person.Country,
            ["LeadSource"] = LeadSources[i % LeadSources.Length],
            ["Status"] = LeadStatuses[i % LeadStatuses.Length],
            ["Rating"] = Ratings[i % Ratings.Length],
            ["Industry"] = person.Industry,
            ["NumberOfEmployees"] = person.EmployeeCount,
            ["HasOptedOutOfEmail"] = person.UnsubscribedFromAll,
            ["DoNotCall"] = false,
            ["EmailBouncedReason"] = person.HardBounced ? "550 5.1.1 user unknown" : null,
            ["EmailBouncedDate"] = person.HardBounced ? SyntheticPeople.Epoch.AddDays(-3) : null,
            ["IsConverted"] = false,
            ["ConvertedContactId"] = null,
            ["ConvertedAccountId"] = null,
            ["OwnerId"] = OwnerId,
        };
    }

    private static Dictionary<string, object?> ContactFields(SyntheticPerson person, string accountId)
    {
        var i = person.Index;
        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["FirstName"] = person.GivenName,
            ["LastName"] = person.FamilyName,
            ["Email"] = SyntheticPeople.MessyEmail(person.Email, i + 3),
            ["Phone"] = ContactPhone(person),
            ["MobilePhone"] = person.Mobile.Length > 0 ? person.Mobile : null,
            ["Title"] = person.Title,
            ["Department"] = person.Department,
            ["LeadSource"] = LeadSources[(i + 2) % LeadSources.Length],
            ["HasOptedOutOfEmail"] = person.UnsubscribedFromAll,
            ["DoNotCall"] = false,
            ["IsEmailBounced"] = person.HardBounced,
            ["EmailBouncedReason"] = person.HardBounced ? "550 5.1.1 user unknown" : null,
            ["EmailBouncedDate"] = person.HardBounced ? SyntheticPeople.Epoch.AddDays(-3) : null,
            ["MailingCountry"] = person.Country,
            ["AccountId"] = accountId,
            ["OwnerId"] = OwnerId,
        };
    }

    private static string LeadPhone(SyntheticPerson person) => person.Country switch
    {
        "JP" when person.Index % 3 == 0 => SyntheticPeople.ToFullWidth(person.Phone),
        "JP" => "+81 " + person.Phone.TrimStart('0'),
        "US" => "(415) 555-" + person.Phone[^4..],
        _ => person.Phone.Replace(" ", string.Empty, StringComparison.Ordinal),
    };

    private static string ContactPhone(SyntheticPerson person) => person.Country switch
    {
        "JP" => JapaneseParenthesized(person.Phone),
        "US" => "415.555." + person.Phone[^4..],
        _ => "020 7946 " + person.Phone[^4..],
    };

    private static string JapaneseParenthesized(string phone)
    {
        var parts = phone.Split('-');
        return parts.Length == 3 ? $"({parts[0]}) {parts[1]} {parts[2]}" : phone;
    }
}
