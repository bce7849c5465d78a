using Microsoft.Extensions.Options;
using SyncBridge.Connectors.Salesforce.Mapping;

namespace SyncBridge.Connectors.Salesforce.Configuration;

/// <summary>Rules that span settings of <c>SyncBridge:Salesforce</c>; every failure names its setting.</summary>
internal sealed class SalesforceOptionsValidator : IValidateOptions<SalesforceOptions>
{
    private const string Prefix = SalesforceOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SalesforceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.LoginUrl is null || !options.LoginUrl.IsAbsoluteUri || (options.LoginUrl.Scheme != Uri.UriSchemeHttps && options.LoginUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add(Prefix + "LoginUrl must be an absolute http(s) URL such as https://login.salesforce.com.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add(Prefix + "ClientId is required for every auth flow.");
        }

        switch (options.Flow)
        {
            case SalesforceAuthFlow.ClientCredentials when string.IsNullOrWhiteSpace(options.ClientSecret):
                failures.Add(Prefix + "ClientSecret is required when Flow is ClientCredentials.");
                break;
            case SalesforceAuthFlow.JwtBearer:
                if (string.IsNullOrWhiteSpace(options.Username))
                {
                    failures.Add(Prefix + "Username is required when Flow is JwtBearer.");
                }

                if (string.IsNullOrWhiteSpace(options.PrivateKeyPath))
                {
                    failures.Add(Prefix + "PrivateKeyPath is required when Flow is JwtBearer.");
                }
                else if (!File.Exists(options.PrivateKeyPath))
                {
                    failures.Add(Prefix + "PrivateKeyPath names a file that does not exist.");
                }

                break;
            case SalesforceAuthFlow.RefreshToken when string.IsNullOrWhiteSpace(options.RefreshToken):
                failures.Add(Prefix + "RefreshToken is required when Flow is RefreshToken.");
                break;
            default:
                break;
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add(Prefix + "TotalTimeout must not be shorter than AttemptTimeout.");
        }

        if (options.MaxRecordsPerQuery < options.QueryBatchSize)
        {
            failures.Add(Prefix + "MaxRecordsPerQuery must not be smaller than QueryBatchSize.");
        }

        CheckFields(options.LeadFields, "LeadFields", failures);
        CheckFields(options.ContactFields, "ContactFields", failures);
        CheckWriteField(options.WriteBack.LifecycleStageField, "WriteBack:LifecycleStageField", failures);
        CheckWriteField(options.WriteBack.ScoreField, "WriteBack:ScoreField", failures);
        CheckWriteField(options.WriteBack.HotLeadField, "WriteBack:HotLeadField", failures);
        CheckWriteField(options.WriteBack.MarketingDecisionField, "WriteBack:MarketingDecisionField", failures);
        CheckWriteField(options.WriteBack.VersionField, "WriteBack:VersionField", failures);

        foreach (var status in options.QualifiedLeadStatuses)
        {
            if (string.IsNullOrWhiteSpace(status))
            {
                failures.Add(Prefix + "QualifiedLeadStatuses must not contain blank values.");
                break;
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckFields(Dictionary<string, string>? fields, string setting, List<string> failures)
    {
        if (fields is null)
        {
            return;
        }

        foreach (var (key, field) in fields)
        {
            if (!string.IsNullOrWhiteSpace(field) && !SalesforceFieldMap.IsValidFieldPath(field.Trim()))
            {
                failures.Add($"{Prefix}{setting}:{key} is not a Salesforce field name (e.g. Email, Score__c, Account.Name).");
            }
        }
    }

    private static void CheckWriteField(string? field, string setting, List<string> failures)
    {
        if (!string.IsNullOrWhiteSpace(field) && (!SalesforceFieldMap.IsValidFieldPath(field) || field.Contains('.', StringComparison.Ordinal)))
        {
            failures.Add($"{Prefix}{setting} is not a writable Salesforce field name (e.g. SyncBridge_Score__c).");
        }
    }
}
