using SyncBridge.Core.Contacts;

namespace SyncBridge.Connectors.Salesforce.Mapping;

/// <summary>Maps the standard LeadSource picklist values to the canonical acquisition channel.</summary>
internal static class SalesforceLeadSources
{
    public static Acquisition ToAcquisition(string leadSource)
    {
        if (string.IsNullOrWhiteSpace(leadSource))
        {
            return Acquisition.Unknown;
        }

        var value = leadSource.Trim().ToUpperInvariant();
        var channel = value switch
        {
            "WEB" or "WEBSITE" or "WEB FORM" => AcquisitionChannel.WebForm,
            "LANDING PAGE" => AcquisitionChannel.LandingPage,
            "TRADE SHOW" or "TRADESHOW" or "EXPO" => AcquisitionChannel.TradeShow,
            _ when value.StartsWith("SEMINAR", StringComparison.Ordinal) => AcquisitionChannel.Seminar,
            "WEBINAR" => AcquisitionChannel.Webinar,
            _ when value.Contains("REFERRAL", StringComparison.Ordinal) || value == "WORD OF MOUTH" => AcquisitionChannel.Referral,
            "PURCHASED LIST" or "IMPORT" => AcquisitionChannel.Import,
            "COLD CALL" or "OUTBOUND" => AcquisitionChannel.Outbound,
            _ => AcquisitionChannel.Unknown,
        };

        var direction = channel switch
        {
            AcquisitionChannel.Import or AcquisitionChannel.Outbound => AcquisitionDirection.Outbound,
            AcquisitionChannel.Unknown when value == "PHONE INQUIRY" => AcquisitionDirection.Inbound,
            AcquisitionChannel.Unknown => AcquisitionDirection.Unknown,
            _ => AcquisitionDirection.Inbound,
        };

        return new Acquisition { Channel = channel, Direction = direction };
    }
}
