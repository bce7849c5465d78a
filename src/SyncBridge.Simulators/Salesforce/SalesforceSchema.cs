namespace SyncBridge.Simulators.Salesforce;

/// <summary>The simulated org's objects and standard fields; any <c>…__c</c> field exists on Lead and Contact.</summary>
internal static class SalesforceSchema
{
    public const string Lead = "Lead";
    public const string Contact = "Contact";
    public const string Account = "Account";
    public const string Opportunity = "Opportunity";
    public const string OpportunityContactRole = "OpportunityContactRole";

    private static readonly Dictionary<string, HashSet<string>> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        [Lead] = Set("Id", "IsDeleted", "MasterRecordId", "FirstName", "LastName", "Email", "Phone", "MobilePhone", "Company", "Website",
            "Title", "Country", "LeadSource", "Status", "Rating", "Industry", "NumberOfEmployees", "HasOptedOutOfEmail", "DoNotCall",
            "IsEmailBounced", "EmailBouncedReason", "EmailBouncedDate", "IsConverted", "ConvertedContactId", "ConvertedAccountId",
            "ConvertedOpportunityId", "ConvertedDate", "OwnerId", "SystemModstamp", "CreatedDate", "LastModifiedDate"),
        [Contact] = Set("Id", "IsDeleted", "MasterRecordId", "AccountId", "FirstName", "LastName", "Email", "Phone", "MobilePhone",
            "Title", "Department", "LeadSource", "HasOptedOutOfEmail", "DoNotCall", "IsEmailBounced", "EmailBouncedReason",
            "EmailBouncedDate", "MailingCountry", "OwnerId", "SystemModstamp", "CreatedDate", "LastModifiedDate"),
        [Account] = Set("Id", "IsDeleted", "Name", "Industry", "NumberOfEmployees", "Website", "SystemModstamp"),
        [Opportunity] = Set("Id", "IsDeleted", "Name", "StageName", "IsClosed", "IsWon", "Amount", "CloseDate", "AccountId", "SystemModstamp"),
        [OpportunityContactRole] = Set("Id", "IsDeleted", "ContactId", "OpportunityId", "Role", "SystemModstamp"),
    };

    private static readonly HashSet<string> ReadOnlyFields = Set(
        "Id", "IsDeleted", "MasterRecordId", "SystemModstamp", "CreatedDate", "LastModifiedDate", "IsConverted",
        "ConvertedContactId", "ConvertedAccountId", "ConvertedOpportunityId", "ConvertedDate");

    /// <summary>Child relationships a subquery may name: relationship → (child object, foreign key).</summary>
    public static readonly IReadOnlyDictionary<string, (string Child, string ForeignKey)> ChildRelationships =
        new Dictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["OpportunityContactRoles"] = (OpportunityContactRole, "ContactId"),
        };

    public static bool IsObject(string type) => Fields.ContainsKey(type);

    public static string CanonicalObject(string type) => Fields.Keys.First(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase));

    public static bool HasField(string type, string field) =>
        Fields.TryGetValue(type, out var fields) && (fields.Contains(field) || (IsCustomizable(type) && IsCustomField(field)));

    public static bool IsWritable(string type, string field) => HasField(type, field) && !ReadOnlyFields.Contains(field);

    /// <summary>The object a lookup relationship (e.g. Account on Contact) points at, or null.</summary>
    public static string? RelationshipTarget(string type, string relationship) =>
        HasField(type, relationship + "Id") && IsObject(relationship) ? CanonicalObject(relationship) : null;

    private static bool IsCustomizable(string type) =>
        string.Equals(type, Lead, StringComparison.OrdinalIgnoreCase) || string.Equals(type, Contact, StringComparison.OrdinalIgnoreCase);

    private static bool IsCustomField(string field) => field.EndsWith("__c", StringComparison.OrdinalIgnoreCase) && field.Length > 3;

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
