using System.Globalization;

namespace SyncBridge.Simulators.Salesforce;

/// <summary>18-character record ids with the real key prefixes (00Q Lead, 003 Contact, 001 Account, 006 Opportunity).</summary>
internal static class SalesforceIds
{
    public static string Create(string type, long number)
    {
        var prefix = type switch
        {
            SalesforceSchema.Lead => "00Q",
            SalesforceSchema.Contact => "003",
            SalesforceSchema.Account => "001",
            SalesforceSchema.Opportunity => "006",
            SalesforceSchema.OpportunityContactRole => "00K",
            _ => "a00",
        };
        return prefix + "Sim" + number.ToString("D12", CultureInfo.InvariantCulture);
    }
}
