using System.Globalization;
using SyncBridge.Simulators.Seeding;

namespace SyncBridge.Simulators.HubSpot;

/// <summary>Formats a synthetic person as HubSpot would hold them: string properties, some of them messy.</summary>
internal static class HubSpotSimSeeder
{
    private static readonly string[] Stages = ["subscriber", "lead", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "other"];

    public static Dictionary<string, string> PropertiesOf(SyntheticPerson person, string email, int index)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = email,
            ["firstname"] = person.GivenName,
            ["lastname"] = person.FamilyName,
            ["phone"] = index % 7 == 3 ? SyntheticPeople.ToFullWidth(person.Phone) : person.Phone,
            ["company"] = index % 11 == 5 ? person.Company + " " : person.Company,
            ["website"] = index % 2 == 0 ? "https://www." + person.CompanyDomain : person.CompanyDomain,
            ["jobtitle"] = person.Title,
            ["department"] = person.Department,
            ["country"] = Country(person.Country, index),
            ["industry"] = person.Industry,
            ["numemployees"] = person.EmployeeCount.ToString(CultureInfo.InvariantCulture),
            ["lifecyclestage"] = Stages[index % Stages.Length],
            ["hs_email_optout"] = person.UnsubscribedFromAll ? "true" : "false",
            ["hs_marketable_status"] = person.UnsubscribedFromAll || index % 4 == 0 ? "false" : "true",
            ["hs_marketable_until_renewal"] = index % 9 == 0 ? "true" : "false",
            ["hs_analytics_num_page_views"] = person.Activities.Count(activity => activity.Type == "page_view").ToString(CultureInfo.InvariantCulture),
        };
        if (person.Mobile.Length > 0)
        {
            properties["mobilephone"] = person.Mobile;
        }

        if (person.HardBounced)
        {
            properties["hs_email_hard_bounce_reason_enum"] = "BAD_MAILBOX";
        }

        if (index % 3 == 0)
        {
            properties["hs_legal_basis"] = "Legitimate interest – prospect/lead";
        }

        var lastOpen = person.Activities.LastOrDefault(activity => activity.Type == "email_open");
        if (lastOpen is not null)
        {
            properties["hs_email_last_open_date"] = HubSpotSimJson.Iso(lastOpen.OccurredAt.ToUnixTimeMilliseconds());
        }

        var lastClick = person.Activities.LastOrDefault(activity => activity.Type == "email_click");
        if (lastClick is not null)
        {
            properties["hs_email_last_click_date"] = HubSpotSimJson.Iso(lastClick.OccurredAt.ToUnixTimeMilliseconds());
        }

        var lastVisit = person.Activities.LastOrDefault(activity => activity.Type == "page_view");
        if (lastVisit is not null)
        {
            properties["hs_analytics_last_visit_timestamp"] = HubSpotSimJson.Iso(lastVisit.OccurredAt.ToUnixTimeMilliseconds());
        }

        var lastForm = person.Activities.LastOrDefault(activity => activity.Type is "form_submission" or "demo_request" or "pricing_inquiry");
        if (lastForm is not null)
        {
            properties["recent_conversion_date"] = HubSpotSimJson.Iso(lastForm.OccurredAt.ToUnixTimeMilliseconds());
            properties["recent_conversion_event_name"] = lastForm.Type switch
            {
                "demo_request" => "Demo request",
                "pricing_inquiry" => "Pricing inquiry",
                _ => "Newsletter signup",
            };
        }

        return properties;
    }

    private static string Country(string code, int index) => (code, index % 3) switch
    {
        ("JP", 0) => "Japan",
        ("JP", 1) => "日本",
        ("US", 0) => "United States",
        ("US", 1) => "USA",
        ("GB", 0) => "United Kingdom",
        _ => code,
    };
}
